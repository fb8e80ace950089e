// Upper-tail probabilities of count distributions, in natural-log space so that a count far
// above its expected level gives a finite, comparable figure instead of underflowing to 0.
// Pure numerics (no dependencies): log-gamma by the Lanczos approximation, the regularized
// incomplete gamma and beta functions by series and continued fractions (Numerical Recipes,
// 3rd ed., §6.1, 6.2, 6.4), each evaluated on the side where it needs no subtraction.

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

/** ln Γ(x) for x > 0 (relative error about 1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) {
    throw new RangeError(`logGamma needs a finite x > 0, got ${x}`);
  }
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx); keeps the approximation in its accurate range.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0]!;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    series += LANCZOS_COEFFICIENTS[i]! / (z + i);
  }
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/** ln P(a, x), the regularized lower incomplete gamma function, for a > 0, x >= 0. */
export function logRegularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`logRegularizedGammaP(${a}, ${x})`);
  if (x === 0) return -Infinity;
  if (x === Infinity) return 0;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // Series: P = e^{-x} x^a / Γ(a) · Σ x^n / (a (a+1) … (a+n)); every term positive.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPSILON) break;
    }
    return logPrefix + Math.log(sum);
  }
  // Here P is at least about one half: compute Q by the continued fraction and P = 1 − Q.
  return Math.log1p(-Math.exp(logPrefix + Math.log(gammaContinuedFraction(a, x))));
}

/** Continued fraction for Q(a, x)·Γ(a)·e^x·x^−a (modified Lentz), x >= a + 1. */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** ln I_x(a, b), the regularized incomplete beta function, for a, b > 0 and 0 <= x <= 1. */
export function logRegularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1)) {
    throw new RangeError(`logRegularizedBeta(${x}, ${a}, ${b})`);
  }
  if (x === 0) return -Infinity;
  if (x === 1) return 0;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) {
    return logFront + Math.log(betaContinuedFraction(a, b, x)) - Math.log(a);
  }
  // The symmetric side: I_x(a, b) = 1 − I_{1−x}(b, a), which is then not small.
  return Math.log1p(
    -Math.exp(logFront + Math.log(betaContinuedFraction(b, a, 1 - x)) - Math.log(b)),
  );
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

function checkCount(count: number): void {
  if (!Number.isInteger(count)) throw new RangeError(`a count must be an integer, got ${count}`);
}

/** ln P(X >= count) for X ~ Poisson(lambda). */
export function logPoissonUpperTail(count: number, lambda: number): number {
  checkCount(count);
  if (!(lambda >= 0)) throw new RangeError(`lambda must be >= 0, got ${lambda}`);
  if (count <= 0) return 0;
  if (lambda === 0) return -Infinity;
  // P(X >= k) = P(k, λ): the lower regularized incomplete gamma function.
  return logRegularizedGammaP(count, lambda);
}

/**
 * ln P(X >= count) for a negative binomial X with the given mean and size r (variance
 * mean + mean²/r; r → ∞ is Poisson). P(X >= k) = I_p(k, r) with p = mean / (mean + r).
 */
export function logNegativeBinomialUpperTail(count: number, mean: number, size: number): number {
  checkCount(count);
  if (!(mean >= 0)) throw new RangeError(`mean must be >= 0, got ${mean}`);
  if (!(size > 0)) throw new RangeError(`size must be > 0, got ${size}`);
  if (count <= 0) return 0;
  if (mean === 0) return -Infinity;
  if (size === Infinity) return logPoissonUpperTail(count, mean);
  return logRegularizedBeta(mean / (mean + size), count, size);
}
