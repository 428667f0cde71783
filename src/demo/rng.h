/*
 * The demo generators' randomness: splitmix64, and xoshiro256** seeded by
 * it (Blackman and Vigna), in one place so that both generators draw the
 * same streams from the same seeds.  Every function is deterministic: a seed
 * gives the same bytes on every machine.
 */
#ifndef DEMO_RNG_H
#define DEMO_RNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t s[4];
};

static inline uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline void rng_seed(struct rng *r, uint64_t seed)
{
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Uniform in [0, n), n > 0. */
static inline unsigned rng_below(struct rng *r, unsigned n)
{
	return (unsigned)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [0, 1). */
static inline double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Roughly normal, mean 0, standard deviation 1 (Irwin-Hall of 12). */
static inline double rng_gauss(struct rng *r)
{
	double s = 0;
	for (int i = 0; i < 12; i++)
		s += rng_unit(r);
	return s - 6.0;
}

static inline bool rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

/* Fisher-Yates shuffle of ints. */
static inline void shuffle_ints(struct rng *r, int *a, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(r, (unsigned)i);
		int t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

#endif
