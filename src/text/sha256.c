/* sha256.c — SHA-256 (FIPS 180-4); no library needed for one hash. The
 * blocks are compressed by the CPU's SHA extensions where it has them
 * (x86 SHA-NI: check --full hashes every record of the history, and the
 * portable rounds were an eighth of its time), by plain C elsewhere; the
 * choice is made once, from cpuid, and the unit test holds both to the
 * same digests. */
#include "newsdesk/sha256.h"

#include <stdatomic.h>
#include <string.h>

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define ND_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
	0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
	0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
	0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
	0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
	0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
	0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void blocks_portable(uint32_t h[8], const unsigned char *p, size_t nblocks)
{
	for (; nblocks--; p += 64) {
		uint32_t w[64];
		for (int i = 0; i < 16; i++)
			w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
			       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
		for (int i = 16; i < 64; i++) {
			uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
			uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
			w[i] = w[i - 16] + s0 + w[i - 7] + s1;
		}
		uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6],
			 hh = h[7];
		for (int i = 0; i < 64; i++) {
			uint32_t t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
				      ((e & f) ^ (~e & g)) + k[i] + w[i];
			uint32_t t2 =
			    (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
			hh = g;
			g = f;
			f = e;
			e = d + t1;
			d = c;
			c = b;
			b = a;
			a = t1 + t2;
		}
		h[0] += a;
		h[1] += b;
		h[2] += c;
		h[3] += d;
		h[4] += e;
		h[5] += f;
		h[6] += g;
		h[7] += hh;
	}
}

#ifdef ND_SHA_NI
/* The SHA extensions keep the state as two vectors, lanes low to high:
 * (f, e, b, a) and (h, g, d, c); each sha256rnds2 does two rounds, and
 * sha256msg1/msg2 extend the message schedule four words at a time. */
__attribute__((target("sha,sse4.1,ssse3"))) static void
blocks_shani(uint32_t h[8], const unsigned char *p, size_t nblocks)
{
	const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i t = _mm_loadu_si128((const __m128i *)&h[0]); /* a b c d */
	__m128i cdgh = _mm_loadu_si128((const __m128i *)&h[4]); /* e f g h */
	t = _mm_shuffle_epi32(t, 0xB1); /* b a d c */
	cdgh = _mm_shuffle_epi32(cdgh, 0x1B); /* h g f e */
	__m128i abef = _mm_alignr_epi8(t, cdgh, 8); /* f e b a */
	cdgh = _mm_blend_epi16(cdgh, t, 0xF0); /* h g d c */
	for (; nblocks--; p += 64) {
		__m128i abef0 = abef, cdgh0 = cdgh, m[4];
		for (int i = 0; i < 4; i++)
			m[i] =
			    _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
		for (int g = 0; g < 16; g++) {
			if (g >= 4) { /* W[4g..4g+3] from the sixteen words before */
				__m128i x = _mm_sha256msg1_epu32(m[g & 3], m[(g + 1) & 3]);
				x = _mm_add_epi32(
				    x, _mm_alignr_epi8(m[(g + 3) & 3], m[(g + 2) & 3], 4));
				m[g & 3] = _mm_sha256msg2_epu32(x, m[(g + 3) & 3]);
			}
			__m128i wk =
			    _mm_add_epi32(m[g & 3], _mm_loadu_si128((const __m128i *)&k[4 * g]));
			cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
			/* two rounds put the new a b e f in cdgh's place, and the
			   old a b e f are the new c d g h: two more swap them back */
			abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
		}
		abef = _mm_add_epi32(abef, abef0);
		cdgh = _mm_add_epi32(cdgh, cdgh0);
	}
	t = _mm_shuffle_epi32(abef, 0x1B); /* a b e f */
	cdgh = _mm_shuffle_epi32(cdgh, 0xB1); /* g h c d */
	abef = _mm_blend_epi16(t, cdgh, 0xF0); /* a b c d */
	cdgh = _mm_alignr_epi8(cdgh, t, 8); /* e f g h */
	_mm_storeu_si128((__m128i *)&h[0], abef);
	_mm_storeu_si128((__m128i *)&h[4], cdgh);
}

/* cpuid: leaf 7's EBX bit 29 is SHA (gcc 12's __builtin_cpu_supports
 * cannot name it); leaf 1's ECX bits 19 and 9 are SSE4.1 and SSSE3. */
static bool cpu_has_sha(void)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 19)) || !(c & (1u << 9)))
		return false;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return false;
	return b & (1u << 29);
}
#endif

/* 0 not chosen yet, 1 portable, 2 the SHA extensions */
static _Atomic int engine;

static int choose(void)
{
	int e = atomic_load_explicit(&engine, memory_order_relaxed);
	if (e == 0) {
#ifdef ND_SHA_NI
		e = cpu_has_sha() ? 2 : 1;
#else
		e = 1;
#endif
		atomic_store_explicit(&engine, e, memory_order_relaxed);
	}
	return e;
}

bool nd_sha256_portable(bool force)
{
	atomic_store_explicit(&engine, force ? 1 : 0, memory_order_relaxed);
	return choose() == 2;
}

static void blocks(uint32_t h[8], const unsigned char *p, size_t nblocks)
{
#ifdef ND_SHA_NI
	if (choose() == 2) {
		blocks_shani(h, p, nblocks);
		return;
	}
#endif
	blocks_portable(h, p, nblocks);
}

void nd_sha256_init(struct nd_sha256 *s)
{
	static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
					0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	memcpy(s->h, h0, sizeof h0);
	s->held = 0;
	s->total = 0;
}

void nd_sha256_update(struct nd_sha256 *s, const void *data, size_t n)
{
	const unsigned char *p = data;
	s->total += n;
	if (s->held) {
		size_t take = 64 - s->held < n ? 64 - s->held : n;
		memcpy(s->buf + s->held, p, take);
		s->held += take;
		p += take;
		n -= take;
		if (s->held < 64)
			return;
		blocks(s->h, s->buf, 1);
		s->held = 0;
	}
	if (n >= 64) {
		blocks(s->h, p, n / 64);
		p += n / 64 * 64;
		n %= 64;
	}
	if (n)
		memcpy(s->buf, p, n);
	s->held = n;
}

void nd_sha256_final_hex(struct nd_sha256 *s, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char tail[128] = { 0 };
	size_t left = s->held;
	memcpy(tail, s->buf, left);
	tail[left] = 0x80;
	size_t tail_len = left < 56 ? 64 : 128;
	uint64_t bits = s->total * 8;
	for (int i = 0; i < 8; i++)
		tail[tail_len - 1 - i] = (unsigned char)(bits >> (8 * i));
	blocks(s->h, tail, tail_len / 64);
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 8; j++)
			hex[8 * i + j] = digits[(s->h[i] >> (28 - 4 * j)) & 0xF];
	hex[64] = '\0';
}

void nd_sha256_hex(const void *data, size_t n, char hex[65])
{
	struct nd_sha256 s;
	nd_sha256_init(&s);
	nd_sha256_update(&s, data, n);
	nd_sha256_final_hex(&s, hex);
}
