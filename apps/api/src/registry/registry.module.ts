import { Module } from '@nestjs/common';
import { RegistryResolver } from './registry.resolver.js';
import { RegistryService } from './registry.service.js';

@Module({ providers: [RegistryService, RegistryResolver], exports: [RegistryService] })
export class RegistryModule {}
