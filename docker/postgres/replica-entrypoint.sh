#!/usr/bin/env bash
# The read replica: on first start, clone the primary into the empty data folder with
# pg_basebackup -R (which writes standby.signal and primary_conninfo), then run PostgreSQL
# as a hot standby streaming from the primary through the replication slot.
set -euo pipefail
: "${PGDATA:=/var/lib/postgresql/data}"
export PGPASSWORD="$REPLICATION_PASSWORD"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h "$PRIMARY_HOST" -p 5432 -q; do sleep 1; done
  rm -rf "${PGDATA:?}"/*
  pg_basebackup -h "$PRIMARY_HOST" -p 5432 -U replicator -D "$PGDATA" \
    -R -X stream -S replica_1 --checkpoint=fast
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on
