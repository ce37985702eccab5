# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""The compiled hot path of the name index: hashing, typo lookup, candidates and alignment.

Everything here works on integer and byte arrays (the index's memory-mapped files and a batch of
prepared queries) and runs without the GIL, so threads, forked workers and Spark executors share
one index. Strings are compared as bytes: names are ASCII once normalised (transliterated, and
Chinese written in pinyin). Similarities use the bit-parallel algorithms rapidfuzz uses (Hyyrö's
LCS and OSA); tests check them against rapidfuzz on random strings.
"""

import numpy as np

from libc.stdint cimport int8_t, int32_t, int64_t, uint8_t, uint64_t
from libc.stdlib cimport calloc, free, malloc
from libc.string cimport memcmp, memcpy, memset


# Statistics of one alignment, in this order (matching.engine.stats names them).
cdef enum:
    N_STATS = 20
    MAX_TOKENS = 64
    MAX_FUZZY_BYTES = 32
    MAX_COMPACT = 512
    MAX_KEYS = 2048
    MIN_SPELLED = 4

cdef float SPELLED_FLOOR = 0.6

cdef uint64_t FNV_OFFSET = 14695981039346656037ULL
cdef uint64_t FNV_PRIME = 1099511628211ULL


cdef inline uint64_t fnv(const uint8_t* data, Py_ssize_t n) noexcept nogil:
    cdef uint64_t h = FNV_OFFSET
    cdef Py_ssize_t i
    for i in range(n):
        h = (h ^ data[i]) * FNV_PRIME
    return h


def hash_bytes(bytes data):
    """The 64-bit FNV-1a hash every index file uses for words, names and ids."""
    return fnv(<const uint8_t*> data, len(data))


def hash_many(list items):
    """FNV-1a hashes of many byte strings, as a uint64 array."""
    cdef Py_ssize_t i, n = len(items)
    out = np.empty(n, dtype=np.uint64)
    cdef uint64_t[:] view = out
    cdef bytes item
    for i in range(n):
        item = items[i]
        view[i] = fnv(<const uint8_t*> item, len(item))
    return out


cdef inline Py_ssize_t lower_bound(const uint64_t[:] table, uint64_t value) noexcept nogil:
    cdef Py_ssize_t lo = 0, hi = table.shape[0], mid
    while lo < hi:
        mid = (lo + hi) >> 1
        if table[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo


cdef inline int32_t find_word(const uint64_t[:] hashes, const int64_t[:] off, const uint8_t[:] blob,
                              const uint8_t* word, Py_ssize_t n) noexcept nogil:
    """Position of `word` in a hash-sorted string table, or -1."""
    cdef uint64_t h = fnv(word, n)
    cdef Py_ssize_t i = lower_bound(hashes, h)
    cdef int64_t start, length
    while i < hashes.shape[0] and hashes[i] == h:
        start = off[i]
        length = off[i + 1] - start
        if length == n and (n == 0 or memcmp(&blob[start], word, n) == 0):
            return <int32_t> i
        i += 1
    return -1


# --- similarity (bit-parallel, as rapidfuzz computes it) ---------------------------------------

cdef extern from *:
    int __builtin_popcountll(unsigned long long) nogil


cdef inline int popcount64(uint64_t x) noexcept nogil:
    return __builtin_popcountll(x)


cdef Py_ssize_t lcs(const uint8_t* a, Py_ssize_t la, const uint8_t* b, Py_ssize_t lb) noexcept nogil:
    """Length of the longest common subsequence (Hyyrö's bit-vector algorithm, any length)."""
    if la == 0 or lb == 0:
        return 0
    if la <= 64:
        return lcs_word(a, la, b, lb)
    cdef Py_ssize_t words = (la + 63) // 64
    cdef uint64_t* pm = <uint64_t*> calloc(256 * words, sizeof(uint64_t))
    cdef uint64_t* s = <uint64_t*> malloc(words * sizeof(uint64_t))
    cdef Py_ssize_t i, j, w
    cdef uint64_t u, x, carry, total, rest
    cdef Py_ssize_t found = 0
    if pm == NULL or s == NULL:
        free(pm)
        free(s)
        return 0
    for i in range(la):
        pm[a[i] * words + (i >> 6)] |= (<uint64_t> 1) << (i & 63)
    for w in range(words):
        s[w] = ~(<uint64_t> 0)
    for j in range(lb):
        carry = 0
        for w in range(words):
            u = s[w] & pm[b[j] * words + w]
            x = s[w] + u
            total = x + carry
            carry = 1 if (x < s[w] or total < x) else 0
            s[w] = total | (s[w] - u)
    for w in range(words):
        rest = la - (w << 6)
        x = ~s[w]
        if rest < 64:
            x &= ((<uint64_t> 1) << rest) - 1
        found += popcount64(x)
    free(pm)
    free(s)
    return found


cdef Py_ssize_t lcs_word(const uint8_t* a, Py_ssize_t la, const uint8_t* b, Py_ssize_t lb) noexcept nogil:
    cdef uint64_t pm[256]
    cdef Py_ssize_t i, j
    cdef uint64_t s = ~(<uint64_t> 0), u
    memset(pm, 0, sizeof(pm))
    for i in range(la):
        pm[a[i]] |= (<uint64_t> 1) << i
    for j in range(lb):
        u = s & pm[b[j]]
        s = (s + u) | (s - u)
    s = ~s
    if la < 64:
        s &= ((<uint64_t> 1) << la) - 1
    return popcount64(s)


cdef inline double indel_similarity(const uint8_t* a, Py_ssize_t la, const uint8_t* b, Py_ssize_t lb) noexcept nogil:
    """rapidfuzz's Indel.normalized_similarity: 1 - (insertions + deletions) / (len a + len b)."""
    if la + lb == 0:
        return 1.0
    return 2.0 * lcs(a, la, b, lb) / (la + lb)


cdef Py_ssize_t osa_distance(const uint8_t* a, Py_ssize_t la, const uint8_t* b, Py_ssize_t lb) noexcept nogil:
    """Optimal string alignment distance (edits, with a swap of neighbours counted as one)."""
    if la == 0:
        return lb
    if lb == 0:
        return la
    if la <= 64:
        return osa_hyyro(a, la, b, lb)
    return osa_table(a, la, b, lb)


cdef Py_ssize_t osa_hyyro(const uint8_t* a, Py_ssize_t la, const uint8_t* b, Py_ssize_t lb) noexcept nogil:
    cdef uint64_t pm[256]
    cdef Py_ssize_t i, j
    memset(pm, 0, sizeof(pm))
    for i in range(la):
        pm[a[i]] |= (<uint64_t> 1) << i
    cdef uint64_t vp = ~(<uint64_t> 0), vn = 0, d0 = 0, pm_old = 0, pm_j, tr, hp, hn
    cdef uint64_t last = (<uint64_t> 1) << (la - 1)
    cdef Py_ssize_t dist = la
    for j in range(lb):
        pm_j = pm[b[j]]
        tr = (((~d0) & pm_j) << 1) & pm_old
        d0 = (((pm_j & vp) + vp) ^ vp) | pm_j | vn | tr
        hp = vn | ~(d0 | vp)
        hn = d0 & vp
        if hp & last:
            dist += 1
        if hn & last:
            dist -= 1
        hp = (hp << 1) | 1
        hn = hn << 1
        vp = hn | ~(d0 | hp)
        vn = hp & d0
        pm_old = pm_j
    return dist


cdef Py_ssize_t osa_table(const uint8_t* a, Py_ssize_t la, const uint8_t* b, Py_ssize_t lb) noexcept nogil:
    """The textbook dynamic programme, for strings longer than one machine word (rare: capped)."""
    cdef Py_ssize_t width = lb + 1, i, j, cost, best
    cdef Py_ssize_t* rows = <Py_ssize_t*> malloc(3 * width * sizeof(Py_ssize_t))
    if rows == NULL:
        return la if la > lb else lb
    cdef Py_ssize_t* two = rows
    cdef Py_ssize_t* one = rows + width
    cdef Py_ssize_t* cur = rows + 2 * width
    cdef Py_ssize_t* swap
    for j in range(width):
        one[j] = j
    for i in range(1, la + 1):
        cur[0] = i
        for j in range(1, width):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = one[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            if one[j - 1] + cost < best:
                best = one[j - 1] + cost
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1] and two[j - 2] + 1 < best:
                best = two[j - 2] + 1
            cur[j] = best
        swap = two
        two = one
        one = cur
        cur = swap
    best = one[lb]
    free(rows)
    return best


cdef inline double osa_similarity(const uint8_t* a, Py_ssize_t la, const uint8_t* b, Py_ssize_t lb) noexcept nogil:
    """rapidfuzz's OSA.normalized_similarity: 1 - distance / longer length."""
    cdef Py_ssize_t longer = la if la > lb else lb
    if longer == 0:
        return 1.0
    return 1.0 - <double> osa_distance(a, la, b, lb) / longer


def indel(bytes a, bytes b):
    """Indel normalized similarity of two byte strings (for tests and explanations)."""
    return indel_similarity(<const uint8_t*> a, len(a), <const uint8_t*> b, len(b))


def osa(bytes a, bytes b):
    """OSA normalized similarity of two byte strings (for tests and explanations)."""
    return osa_similarity(<const uint8_t*> a, len(a), <const uint8_t*> b, len(b))


# --- typo lookup: words by their deletion neighbourhood ----------------------------------------

def bucket_starts(const uint64_t[:] table, int bits):
    """Where each run of entries sharing their top `bits` bits starts (and one past the end)."""
    starts = np.zeros((1 << bits) + 1, dtype=np.int64)
    cdef int64_t[:] view = starts
    cdef Py_ssize_t i, n = table.shape[0]
    cdef int shift = 64 - bits
    with nogil:
        for i in range(n):
            view[(table[i] >> shift) + 1] += 1
        for i in range(1 << bits):
            view[i + 1] += view[i]
    return starts


def deletion_entries(const int64_t[:] off, const uint8_t[:] blob, int min_length, int two_edits_length):
    """For each string of a table, itself and each of its one-letter deletions (two-letter ones
    too from `two_edits_length` letters), as sorted (32-bit hash << 32 | string number) entries:
    a query word and a listed word within a few edits share one of their deletions."""
    cdef Py_ssize_t n = off.shape[0] - 1, i, k, m, length, total = 0, pos = 0
    cdef uint8_t buffer[MAX_FUZZY_BYTES]
    cdef uint8_t twice[MAX_FUZZY_BYTES]
    for i in range(n):
        length = off[i + 1] - off[i]
        if min_length <= length <= MAX_FUZZY_BYTES:
            total += length + 1
            if length >= two_edits_length:
                total += length * (length - 1) // 2
    out = np.empty(total, dtype=np.uint64)
    cdef uint64_t[:] view = out
    cdef const uint8_t* word
    with nogil:
        for i in range(n):
            length = off[i + 1] - off[i]
            if length < min_length or length > MAX_FUZZY_BYTES:
                continue
            word = &blob[off[i]]
            view[pos] = ((fnv(word, length) & 0xFFFFFFFFULL) << 32) | <uint64_t> i
            pos += 1
            for k in range(length):
                memcpy(buffer, word, k)
                memcpy(buffer + k, word + k + 1, length - k - 1)
                view[pos] = ((fnv(buffer, length - 1) & 0xFFFFFFFFULL) << 32) | <uint64_t> i
                pos += 1
                if length >= two_edits_length:
                    for m in range(k, length - 1):
                        memcpy(twice, buffer, m)
                        memcpy(twice + m, buffer + m + 1, length - 2 - m)
                        view[pos] = ((fnv(twice, length - 2) & 0xFFFFFFFFULL) << 32) | <uint64_t> i
                        pos += 1
    return np.unique(out)


cdef void probe(const uint64_t[:] table, const int64_t[:] starts, int shift, const uint8_t* key,
                Py_ssize_t n, int32_t* found, Py_ssize_t* count, Py_ssize_t room) noexcept nogil:
    if n == 0:
        return
    cdef uint64_t h = fnv(key, n) & 0xFFFFFFFFULL
    cdef uint64_t bucket = (h << 32) >> shift
    cdef Py_ssize_t i = starts[bucket], end = starts[bucket + 1]
    while i < end and (table[i] >> 32) < h:
        i += 1
    while i < end and (table[i] >> 32) == h and count[0] < room:
        found[count[0]] = <int32_t> (table[i] & 0xFFFFFFFFULL)
        count[0] += 1
        i += 1


cdef struct Found:
    int32_t word
    float sim


cdef int by_word_then_sim(const void* a, const void* b) noexcept nogil:
    cdef const Found* x = <const Found*> a
    cdef const Found* y = <const Found*> b
    if x.word != y.word:
        return -1 if x.word < y.word else 1
    if x.sim != y.sim:
        return -1 if x.sim > y.sim else 1
    return 0


cdef int by_sim_then_word(const void* a, const void* b) noexcept nogil:
    cdef const Found* x = <const Found*> a
    cdef const Found* y = <const Found*> b
    if x.sim != y.sim:
        return -1 if x.sim > y.sim else 1
    if x.word != y.word:
        return -1 if x.word < y.word else 1
    return 0


cdef int by_int(const void* a, const void* b) noexcept nogil:
    cdef int32_t x = (<const int32_t*> a)[0]
    cdef int32_t y = (<const int32_t*> b)[0]
    return (x > y) - (x < y)


cdef extern from "stdlib.h":
    void qsort(void* base, size_t n, size_t size, int (*compare)(const void*, const void*) noexcept nogil) nogil


cdef class Speller:
    """Words by their deletion neighbourhood: `table` holds the deletion entries of a spelling
    table (`off`, `blob`), `word_of` maps each spelling to its word."""

    cdef const uint64_t[:] table
    cdef const int64_t[:] starts
    cdef const int64_t[:] off
    cdef const uint8_t[:] blob
    cdef const int32_t[:] word_of
    cdef int shift

    def __init__(self, table, starts, off, blob, word_of):
        self.table = table
        self.starts = starts
        self.off = off
        self.blob = blob
        self.word_of = word_of
        self.shift = 64 - (len(starts) - 1).bit_length() + 1

    def near(self, bytes token, int two_edits_length, double floor, int limit, int32_t skip):
        """Words within a few edits of `token` (not `skip`): (word numbers, similarities), most
        similar first, ties by word number. The token's deletions (two for long tokens) are
        looked up, each spelling found is measured (OSA) and kept at `floor` or above."""
        cdef Py_ssize_t n = len(token), i, k, count = 0, kept = 0, room = 4096
        cdef const uint8_t* word = <const uint8_t*> token
        if n == 0 or n > MAX_FUZZY_BYTES or self.table.shape[0] == 0:
            return (), ()
        cdef int32_t found[4096]
        cdef Found hits[4096]
        cdef uint8_t one[MAX_FUZZY_BYTES]
        cdef uint8_t two[MAX_FUZZY_BYTES]
        cdef double sim
        cdef int32_t s, previous = -1
        with nogil:
            probe(self.table, self.starts, self.shift, word, n, found, &count, room)
            for i in range(n):
                memcpy(one, word, i)
                memcpy(one + i, word + i + 1, n - i - 1)
                probe(self.table, self.starts, self.shift, one, n - 1, found, &count, room)
                if n >= two_edits_length:
                    for k in range(i, n - 1):
                        memcpy(two, one, k)
                        memcpy(two + k, one + k + 1, n - 2 - k)
                        probe(self.table, self.starts, self.shift, two, n - 2, found, &count, room)
            qsort(found, count, sizeof(int32_t), by_int)
            for i in range(count):
                s = found[i]
                if s == previous:
                    continue
                previous = s
                if self.word_of[s] == skip:
                    continue
                sim = osa_similarity(word, n, &self.blob[self.off[s]], self.off[s + 1] - self.off[s])
                if sim >= floor:
                    hits[kept].word = self.word_of[s]
                    hits[kept].sim = <float> sim
                    kept += 1
            # the best spelling of each word, then most similar first
            qsort(hits, kept, sizeof(Found), by_word_then_sim)
            count = 0
            for i in range(kept):
                if i == 0 or hits[i].word != hits[i - 1].word:
                    hits[count] = hits[i]
                    count += 1
            qsort(hits, count, sizeof(Found), by_sim_then_word)
        if count > limit:
            count = limit
        return (tuple([hits[i].word for i in range(count)]),
                tuple([round(hits[i].sim, 6) for i in range(count)]))


cdef class Strings:
    """Look-ups in a hash-sorted string table (hashes, offsets, bytes)."""

    cdef const uint64_t[:] hashes
    cdef const int64_t[:] off
    cdef const uint8_t[:] blob

    def __init__(self, hashes, off, blob):
        self.hashes = hashes
        self.off = off
        self.blob = blob

    def find(self, bytes word):
        """Position of `word`, or -1."""
        return find_word(self.hashes, self.off, self.blob, <const uint8_t*> word, len(word))

    cdef bint has(self, const uint8_t* word, Py_ssize_t n) noexcept nogil:
        return self.hashes.shape[0] > 0 and find_word(self.hashes, self.off, self.blob, word, n) >= 0

    def find_many(self, list words):
        """Positions of many byte strings (-1 where absent), as an int32 array."""
        cdef Py_ssize_t i, n = len(words)
        out = np.empty(n, dtype=np.int32)
        cdef int32_t[:] view = out
        cdef bytes word
        for i in range(n):
            word = words[i]
            view[i] = find_word(self.hashes, self.off, self.blob, <const uint8_t*> word, len(word))
        return out


def first_split(bytes token, Strings words, Strings extras, int shortest):
    """The first place to cut `token` into two words that `words` or `extras` hold (each at
    least `shortest` long), or -1: 'bankmelli' -> 4 ('bank' 'melli')."""
    cdef const uint8_t* text = <const uint8_t*> token
    cdef Py_ssize_t n = len(token), cut
    for cut in range(shortest, n - shortest + 1):
        if ((words.has(text, cut) or extras.has(text, cut))
                and (words.has(text + cut, n - cut) or extras.has(text + cut, n - cut))):
            return cut
    return -1


# --- candidates and alignment ------------------------------------------------------------------

cdef struct Pattern:
    uint64_t pm[256]
    const uint8_t* text
    Py_ssize_t length


cdef void make_pattern(Pattern* p, const uint8_t* a, Py_ssize_t la) noexcept nogil:
    """The bit masks of each byte's positions in `a`, built once per query for all candidates."""
    cdef Py_ssize_t i
    if la > MAX_COMPACT:
        la = MAX_COMPACT
    p.text = a
    p.length = la
    memset(p.pm, 0, sizeof(p.pm))
    if la <= 64:
        for i in range(la):
            p.pm[a[i]] |= (<uint64_t> 1) << i


cdef float spelling(const Pattern* p, const uint8_t* b, Py_ssize_t lb) noexcept nogil:
    """The better of Indel and OSA similarity of the pattern's text and `b`."""
    cdef Py_ssize_t la = p.length, j, found, dist, longer
    cdef uint64_t s, u, vp, vn, d0, pm_old, pm_j, tr, hp, hn, last
    cdef double first, second
    if lb > MAX_COMPACT:
        lb = MAX_COMPACT
    if la == 0 or lb == 0:
        return 1.0 if la == lb else 0.0
    if la > 64:
        first = indel_similarity(p.text, la, b, lb)
        second = osa_similarity(p.text, la, b, lb)
        return <float> (first if first > second else second)
    # LCS (Hyyrö), then OSA (Hyyrö 2003), both over the same masks
    s = ~(<uint64_t> 0)
    for j in range(lb):
        u = s & p.pm[b[j]]
        s = (s + u) | (s - u)
    s = ~s
    if la < 64:
        s &= ((<uint64_t> 1) << la) - 1
    found = popcount64(s)
    first = 2.0 * found / (la + lb)
    vp = ~(<uint64_t> 0)
    vn = 0
    d0 = 0
    pm_old = 0
    last = (<uint64_t> 1) << (la - 1)
    dist = la
    for j in range(lb):
        pm_j = p.pm[b[j]]
        tr = (((~d0) & pm_j) << 1) & pm_old
        d0 = (((pm_j & vp) + vp) ^ vp) | pm_j | vn | tr
        hp = vn | ~(d0 | vp)
        hn = d0 & vp
        if hp & last:
            dist += 1
        if hn & last:
            dist -= 1
        hp = (hp << 1) | 1
        hn = hn << 1
        vp = hn | ~(d0 | hp)
        vn = hp & d0
        pm_old = pm_j
    longer = la if la > lb else lb
    second = 1.0 - <double> dist / longer
    return <float> (first if first > second else second)


def spelling_similarity(bytes a, bytes b):
    """The better of Indel and OSA similarity, as the kernel computes it for whole names."""
    cdef Pattern p
    make_pattern(&p, <const uint8_t*> a, len(a))
    return spelling(&p, <const uint8_t*> b, len(b))


cdef struct Tally:
    float q_total, c_total, q_met, c_met, shared, fuzzy, weakest
    float q_rarest, c_rarest, q_left_weight, c_left_weight
    Py_ssize_t n_pairs, n_exact, n_joined, n_fuzzy, n_q_left, n_c_left
    bint all_generic


cdef inline void record(float* pairs_out, Py_ssize_t i, Py_ssize_t j, int kind, float sim) noexcept nogil:
    if pairs_out == NULL:
        return
    cdef Py_ssize_t n = <Py_ssize_t> pairs_out[MAX_TOKENS * 4]
    pairs_out[n * 4] = i
    pairs_out[n * 4 + 1] = j
    pairs_out[n * 4 + 2] = kind
    pairs_out[n * 4 + 3] = sim
    pairs_out[MAX_TOKENS * 4] = n + 1


cdef struct Key:
    int32_t word
    float weight
    int64_t df
    int32_t source  # the query word (or pair, numbered after the words) it came from
    bint opens


cdef class Batch:
    """A QueryBatch's arrays, held as typed views for the kernel."""

    cdef const int64_t[:] tok_off
    cdef const int32_t[:] toks
    cdef const float[:] weights
    cdef const uint8_t[:] numeric
    cdef const int64_t[:] text_off
    cdef const uint8_t[:] text_blob
    cdef const int64_t[:] pair_off
    cdef const int32_t[:] pairs
    cdef const int64_t[:] nb_off
    cdef const int32_t[:] nb_words
    cdef const float[:] nb_sims
    cdef const int64_t[:] pnb_off
    cdef const int32_t[:] pnb_words
    cdef const float[:] pnb_sims
    cdef const int8_t[:] people
    cdef const int64_t[:] compact_off
    cdef const uint8_t[:] compact_blob
    cdef const int64_t[:] sorted_off
    cdef const uint8_t[:] sorted_blob
    cdef Py_ssize_t size

    def __init__(self, batch):
        self.tok_off = batch.tok_off
        self.toks = batch.toks
        self.weights = batch.weights
        self.numeric = batch.numeric
        self.text_off = batch.text_off
        self.text_blob = batch.text_blob
        self.pair_off = batch.pair_off
        self.pairs = batch.pairs
        self.nb_off = batch.nb_off
        self.nb_words = batch.nb_words
        self.nb_sims = batch.nb_sims
        self.pnb_off = batch.pair_nb_off
        self.pnb_words = batch.pair_nb_words
        self.pnb_sims = batch.pair_nb_sims
        self.people = batch.people
        self.compact_off = batch.compact_off
        self.compact_blob = batch.compact_blob
        self.sorted_off = batch.sorted_off
        self.sorted_blob = batch.sorted_blob
        self.size = self.tok_off.shape[0] - 1


cdef class Index:
    """The index arrays a batch is matched against (numpy arrays, usually memory-mapped)."""

    cdef const int64_t[:] post_off
    cdef const int32_t[:] post_names
    cdef const float[:] word_weight
    cdef const uint8_t[:] word_generic
    cdef const uint8_t[:] word_numeric
    cdef const int64_t[:] word_off
    cdef const uint8_t[:] word_blob
    cdef const int64_t[:] name_tok_off
    cdef const int32_t[:] name_toks
    cdef const int64_t[:] name_pair_off
    cdef const int32_t[:] name_pairs
    cdef const float[:] name_total
    cdef const uint8_t[:] name_person
    cdef const int64_t[:] compact_off
    cdef const uint8_t[:] compact_blob
    cdef const int64_t[:] sorted_off
    cdef const uint8_t[:] sorted_blob
    cdef readonly Py_ssize_t n_names

    def __init__(self, post_off, post_names, word_weight, word_generic, word_numeric, word_off, word_blob,
                 name_tok_off, name_toks, name_pair_off, name_pairs, name_total, name_person, compact_off,
                 compact_blob, sorted_off, sorted_blob):
        self.post_off = post_off
        self.post_names = post_names
        self.word_weight = word_weight
        self.word_generic = word_generic
        self.word_numeric = word_numeric
        self.word_off = word_off
        self.word_blob = word_blob
        self.name_tok_off = name_tok_off
        self.name_toks = name_toks
        self.name_pair_off = name_pair_off
        self.name_pairs = name_pairs
        self.name_total = name_total
        self.name_person = name_person
        self.compact_off = compact_off
        self.compact_blob = compact_blob
        self.sorted_off = sorted_off
        self.sorted_blob = sorted_blob
        self.n_names = name_total.shape[0]

    def match(self, batch, int limit, int opening_df, int common_df):
        """The best `limit` candidates of each query of `batch` with their alignment statistics:
        (names int32 [queries, limit], -1 where fewer; stats float32 [queries, limit, N_STATS])."""
        cdef Batch b = Batch(batch)
        names_arr = np.full((b.size, limit), -1, dtype=np.int32)
        stats_arr = np.zeros((b.size, limit, N_STATS), dtype=np.float32)
        if b.size == 0 or self.n_names == 0:
            return names_arr, stats_arr
        cdef int32_t[:, :] out_names = names_arr
        cdef float[:, :, :] out_stats = stats_arr
        cdef float* acc = <float*> calloc(self.n_names, sizeof(float))
        cdef int32_t* stamp = <int32_t*> calloc(self.n_names, sizeof(int32_t))
        cdef int32_t* touched = <int32_t*> malloc(self.n_names * sizeof(int32_t))
        if acc == NULL or stamp == NULL or touched == NULL:
            free(acc)
            free(stamp)
            free(touched)
            raise MemoryError()
        cdef Py_ssize_t q
        try:
            with nogil:
                for q in range(b.size):
                    self._one(b, q, limit, opening_df, common_df, acc, stamp, touched, out_names, out_stats)
        finally:
            free(acc)
            free(stamp)
            free(touched)
        return names_arr, stats_arr

    cdef void _one(self, Batch b, Py_ssize_t q, int limit, int opening_df, int common_df, float* acc,
                   int32_t* stamp, int32_t* touched, int32_t[:, :] out_names,
                   float[:, :, :] out_stats) noexcept nogil:
        cdef Py_ssize_t t0 = b.tok_off[q], nt = b.tok_off[q + 1] - t0
        cdef Py_ssize_t p0 = b.pair_off[q], np_ = b.pair_off[q + 1] - p0
        cdef Key keys[MAX_KEYS]
        cdef Py_ssize_t n_keys = 0, i, j, k
        cdef float total = 0.0, w
        if nt == 0:
            return
        if nt > MAX_TOKENS:
            nt = MAX_TOKENS
        for i in range(nt):
            total += b.weights[t0 + i]
        # Keys a query can meet in the postings, each with the weight it would bring.
        for i in range(nt):
            w = b.weights[t0 + i]
            if b.toks[t0 + i] >= 0:
                n_keys = add_key(keys, n_keys, b.toks[t0 + i], w, self.post_off, i)
            for j in range(b.nb_off[t0 + i], b.nb_off[t0 + i + 1]):
                n_keys = add_key(keys, n_keys, b.nb_words[j], w * b.nb_sims[j], self.post_off, i)
        for i in range(np_):
            if i + 1 >= nt:
                break
            w = b.weights[t0 + i] + b.weights[t0 + i + 1]
            if b.pairs[p0 + i] >= 0:
                n_keys = add_key(keys, n_keys, b.pairs[p0 + i], w, self.post_off, nt + i)
            for j in range(b.pnb_off[p0 + i], b.pnb_off[p0 + i + 1]):
                n_keys = add_key(keys, n_keys, b.pnb_words[j], w * b.pnb_sims[j], self.post_off, nt + i)
        if n_keys == 0:
            return
        sort_keys(keys, n_keys)
        # Rare keys open candidates, and so does each query word's best reading (itself, or
        # its likeliest spelling) unless it is common; the other keys only add to those open.
        cdef Py_ssize_t n_touched = 0, source, chosen
        for k in range(n_keys):
            keys[k].opens = keys[k].df <= opening_df
        for source in range(nt + np_):
            chosen = -1
            for k in range(n_keys):
                if keys[k].source == source and (chosen < 0 or keys[k].weight > keys[chosen].weight):
                    chosen = k
            if chosen >= 0 and keys[chosen].df <= common_df:
                keys[chosen].opens = True
        if not keys[0].opens:
            keys[0].opens = True  # a query of common words only opens through its rarest
        cdef int32_t mark = <int32_t> (q + 1), name
        cdef int8_t people = b.people[q]
        cdef int64_t pos
        for k in range(n_keys):
            if not keys[k].opens:
                continue
            for pos in range(self.post_off[keys[k].word], self.post_off[keys[k].word + 1]):
                name = self.post_names[pos]
                if people >= 0 and self.name_person[name] != people:
                    continue
                if stamp[name] != mark:
                    stamp[name] = mark
                    acc[name] = 0.0
                    touched[n_touched] = name
                    n_touched += 1
                acc[name] += keys[k].weight
        for k in range(n_keys):
            if keys[k].opens or keys[k].df > common_df:
                continue
            for i in range(n_touched):
                name = touched[i]
                if self._contains(name, keys[k].word):
                    acc[name] += keys[k].weight
        # The best `limit` by an estimate of the weighted Dice; ties by name number.
        cdef int32_t best[256]
        cdef float best_rank[256]
        cdef Py_ssize_t n_best = 0, slot
        cdef float rank
        if limit > 256:
            limit = 256
        for i in range(n_touched):
            name = touched[i]
            rank = acc[name] / (total + self.name_total[name] + 1e-9)
            if n_best == limit and not better(rank, name, best_rank[n_best - 1], best[n_best - 1]):
                continue
            slot = n_best if n_best < limit else limit - 1
            while slot > 0 and better(rank, name, best_rank[slot - 1], best[slot - 1]):
                best[slot] = best[slot - 1]
                best_rank[slot] = best_rank[slot - 1]
                slot -= 1
            best[slot] = name
            best_rank[slot] = rank
            if n_best < limit:
                n_best += 1
        cdef Pattern compact_pattern, sorted_pattern
        make_pattern(&compact_pattern, &b.compact_blob[b.compact_off[q]], b.compact_off[q + 1] - b.compact_off[q])
        make_pattern(&sorted_pattern, &b.sorted_blob[b.sorted_off[q]], b.sorted_off[q + 1] - b.sorted_off[q])
        for i in range(n_best):
            out_names[q, i] = best[i]
            self._align(b, q, best[i], &out_stats[q, i, 0], NULL, &compact_pattern, &sorted_pattern)
            out_stats[q, i, 19] = acc[best[i]] / total if total > 0 else 0.0

    cdef bint _contains(self, int32_t name, int32_t word) noexcept nogil:
        cdef int64_t pos
        for pos in range(self.name_tok_off[name], self.name_tok_off[name + 1]):
            if self.name_toks[pos] == word:
                return True
        for pos in range(self.name_pair_off[name], self.name_pair_off[name + 1]):
            if self.name_pairs[pos] == word:
                return True
        return False

    def align(self, batch, Py_ssize_t q, int32_t name):
        """The alignment of query `q` of `batch` with listed name `name`: (stats, pairs), where
        each pair is (query position, listed position, kind, similarity); kind 0 exact, 1 a query
        pair run together, 2 a listed pair run together, 3 a spelling variant."""
        cdef Batch b = Batch(batch)
        stats = np.zeros(N_STATS, dtype=np.float32)
        pairs = np.zeros((MAX_TOKENS + 1, 4), dtype=np.float32)
        cdef float[:] stats_view = stats
        cdef float[:, :] pairs_view = pairs
        cdef Pattern compact_pattern, sorted_pattern
        make_pattern(&compact_pattern, &b.compact_blob[b.compact_off[q]], b.compact_off[q + 1] - b.compact_off[q])
        make_pattern(&sorted_pattern, &b.sorted_blob[b.sorted_off[q]], b.sorted_off[q + 1] - b.sorted_off[q])
        self._align(b, q, name, &stats_view[0], &pairs_view[0, 0], &compact_pattern, &sorted_pattern)
        count = int(pairs[MAX_TOKENS, 0])
        return stats, pairs[:count]

    def align_many(self, batch, const int64_t[:] readings, const int32_t[:] names):
        """The word pairs of many (reading, listed name) alignments at once: (pairs float32
        [n, MAX_TOKENS + 1, 4] laid out as in `align`, the count of each in [:, MAX_TOKENS, 0])."""
        cdef Batch b = Batch(batch)
        cdef Py_ssize_t n = readings.shape[0], r, q
        pairs = np.zeros((n, MAX_TOKENS + 1, 4), dtype=np.float32)
        cdef float[:, :, :] view = pairs
        cdef float stats[N_STATS]
        cdef Pattern compact_pattern, sorted_pattern
        with nogil:
            for r in range(n):
                q = readings[r]
                make_pattern(&compact_pattern, &b.compact_blob[b.compact_off[q]], b.compact_off[q + 1] - b.compact_off[q])
                make_pattern(&sorted_pattern, &b.sorted_blob[b.sorted_off[q]], b.sorted_off[q + 1] - b.sorted_off[q])
                self._align(b, q, names[r], stats, &view[r, 0, 0], &compact_pattern, &sorted_pattern)
        return pairs

    cdef void _align(self, Batch b, Py_ssize_t q, int32_t name, float* stats, float* pairs_out,
                     const Pattern* compact_pattern, const Pattern* sorted_pattern) noexcept nogil:
        """Pair the words of a query with a listed name: exactly, then run together ('sense time'
        = 'sensetime'), then by spelling; and sum up how much of each side met."""
        cdef Py_ssize_t t0 = b.tok_off[q], nt = b.tok_off[q + 1] - t0, p0 = b.pair_off[q]
        cdef int64_t c0 = self.name_tok_off[name]
        cdef Py_ssize_t nc = self.name_tok_off[name + 1] - c0, i, j, k, best_i, best_j
        cdef int64_t cp0 = self.name_pair_off[name]
        if nt > MAX_TOKENS:
            nt = MAX_TOKENS
        if nc > MAX_TOKENS:
            nc = MAX_TOKENS
        cdef uint8_t q_used[MAX_TOKENS]
        cdef uint8_t c_used[MAX_TOKENS]
        memset(q_used, 0, MAX_TOKENS)
        memset(c_used, 0, MAX_TOKENS)
        cdef Tally t
        memset(&t, 0, sizeof(Tally))
        t.weakest = 1.0
        t.all_generic = True
        cdef int32_t word
        # exact
        for i in range(nt):
            word = b.toks[t0 + i]
            if word < 0:
                continue
            for j in range(nc):
                if not c_used[j] and self.name_toks[c0 + j] == word:
                    q_used[i] = 1
                    c_used[j] = 1
                    record(pairs_out, i, j, 0, 1.0)
                    self._met(&t, b.weights[t0 + i], self.word_weight[word], 1.0, 0)
                    t.all_generic = t.all_generic and self.word_generic[word]
                    break
        cdef Py_ssize_t q_left = nt - t.n_pairs, c_left = nc - t.n_pairs
        # run together: a query pair is one listed word, or a listed pair one query word
        if q_left > 0 and c_left > 0 and (q_left > 1 or c_left > 1):
            for i in range(nt - 1):
                word = b.pairs[p0 + i]
                if word < 0 or q_used[i] or q_used[i + 1]:
                    continue
                for j in range(nc):
                    if not c_used[j] and self.name_toks[c0 + j] == word:
                        q_used[i] = 1
                        q_used[i + 1] = 1
                        c_used[j] = 1
                        record(pairs_out, i, j, 1, 1.0)
                        self._met(&t, b.weights[t0 + i] + b.weights[t0 + i + 1], self.word_weight[word], 1.0, 1)
                        t.all_generic = t.all_generic and self.word_generic[word]
                        break
            for j in range(nc - 1):
                word = self.name_pairs[cp0 + j]
                if word < 0 or c_used[j] or c_used[j + 1]:
                    continue
                for i in range(nt):
                    if not q_used[i] and b.toks[t0 + i] == word:
                        q_used[i] = 1
                        c_used[j] = 1
                        c_used[j + 1] = 1
                        record(pairs_out, i, j, 2, 1.0)
                        self._met(&t, b.weights[t0 + i], self.word_weight[self.name_toks[c0 + j]]
                                  + self.word_weight[self.name_toks[c0 + j + 1]], 1.0, 1)
                        t.all_generic = (t.all_generic and self.word_generic[self.name_toks[c0 + j]]
                                         and self.word_generic[self.name_toks[c0 + j + 1]])
                        break
        self._spelled(b, t0, nt, c0, nc, q_used, c_used, &t, pairs_out)
        # what is left on each side
        cdef float wq, wc
        for i in range(nt):
            if not q_used[i]:
                wq = b.weights[t0 + i]
                t.q_total += wq
                t.q_left_weight += wq
                t.n_q_left += 1
                if wq > t.q_rarest:
                    t.q_rarest = wq
        for j in range(nc):
            if not c_used[j]:
                wc = self.word_weight[self.name_toks[c0 + j]]
                t.c_total += wc
                t.c_left_weight += wc
                t.n_c_left += 1
                if wc > t.c_rarest:
                    t.c_rarest = wc
        # numbers on both sides must share one
        cdef bint q_numbers = False, c_numbers = False, common_number = False
        for i in range(nt):
            if b.numeric[t0 + i]:
                q_numbers = True
                for j in range(nc):
                    if b.toks[t0 + i] >= 0 and self.name_toks[c0 + j] == b.toks[t0 + i]:
                        common_number = True
        for j in range(nc):
            if self.word_numeric[self.name_toks[c0 + j]]:
                c_numbers = True
        stats[0] = t.q_total
        stats[1] = t.c_total
        stats[2] = t.q_met
        stats[3] = t.c_met
        stats[4] = t.shared
        stats[5] = t.fuzzy
        stats[6] = t.q_rarest
        stats[7] = t.c_rarest
        stats[8] = t.weakest
        stats[9] = t.n_pairs
        stats[10] = t.n_exact
        stats[11] = t.n_joined
        stats[12] = t.n_fuzzy
        stats[13] = 1.0 if (t.n_pairs > 0 and t.n_c_left > 0 and t.all_generic) else 0.0
        stats[14] = 1.0 if (q_numbers and c_numbers and not common_number) else 0.0
        # spelling of the whole names, run together, in their order and sorted by word
        stats[15] = spelling(compact_pattern, &self.compact_blob[self.compact_off[name]],
                             self.compact_off[name + 1] - self.compact_off[name])
        stats[16] = spelling(sorted_pattern, &self.sorted_blob[self.sorted_off[name]],
                             self.sorted_off[name + 1] - self.sorted_off[name])
        stats[17] = t.q_left_weight
        stats[18] = t.c_left_weight

    cdef void _met(self, Tally* t, float wq, float wc, float sim, int kind) noexcept nogil:
        """Count one pair of words that met: kind 0 exactly, 1 run together, 2 by spelling."""
        t.n_pairs += 1
        if kind == 0:
            t.n_exact += 1
        elif kind == 1:
            t.n_joined += 1
        else:
            t.n_fuzzy += 1
            t.fuzzy += (wq + wc) * sim
            if sim < t.weakest:
                t.weakest = sim
        t.q_total += wq
        t.c_total += wc
        t.q_met += wq * sim
        t.c_met += wc * sim
        t.shared += (wq if wq < wc else wc) * sim

    cdef void _spelled(self, Batch b, Py_ssize_t t0, Py_ssize_t nt, int64_t c0, Py_ssize_t nc,
                       uint8_t* q_used, uint8_t* c_used, Tally* t, float* pairs_out) noexcept nogil:
        """Pair the words left as spelling variants, most similar first (ties: earlier query word,
        then listed word): a spelling neighbour of the query word, or two words of 4+ letters at
        least 60% alike."""
        cdef Found options[MAX_TOKENS * MAX_TOKENS]
        cdef int32_t option_pair[MAX_TOKENS * MAX_TOKENS]
        cdef Py_ssize_t n_options = 0, a_len, b_len, o, i, j, k
        cdef int32_t word
        cdef float sim
        for i in range(nt):
            if q_used[i]:
                continue
            a_len = b.text_off[t0 + i + 1] - b.text_off[t0 + i]
            for j in range(nc):
                if c_used[j]:
                    continue
                word = self.name_toks[c0 + j]
                sim = 0.0
                for k in range(b.nb_off[t0 + i], b.nb_off[t0 + i + 1]):
                    if b.nb_words[k] == word:
                        sim = b.nb_sims[k]
                        break
                if sim == 0.0:
                    b_len = self.word_off[word + 1] - self.word_off[word]
                    if MIN_SPELLED <= a_len <= MAX_FUZZY_BYTES and MIN_SPELLED <= b_len <= MAX_FUZZY_BYTES:
                        sim = <float> osa_similarity(&b.text_blob[b.text_off[t0 + i]], a_len,
                                                     &self.word_blob[self.word_off[word]], b_len)
                        if sim < SPELLED_FLOOR:
                            sim = 0.0
                if sim > 0.0:
                    options[n_options].sim = sim
                    options[n_options].word = <int32_t> n_options  # its place: ties keep this order
                    option_pair[n_options] = <int32_t> (i * MAX_TOKENS + j)
                    n_options += 1
        qsort(options, n_options, sizeof(Found), by_sim_then_word)
        for o in range(n_options):
            i = option_pair[options[o].word] // MAX_TOKENS
            j = option_pair[options[o].word] % MAX_TOKENS
            if q_used[i] or c_used[j]:
                continue
            q_used[i] = 1
            c_used[j] = 1
            word = self.name_toks[c0 + j]
            record(pairs_out, i, j, 3, options[o].sim)
            # a neighbour as alike as 1.0 is the same word written otherwise (a name symbol, a
            # number in words): it counts as met exactly
            self._met(t, b.weights[t0 + i], self.word_weight[word], options[o].sim,
                      0 if options[o].sim >= 1.0 else 2)
            t.all_generic = t.all_generic and self.word_generic[word]


cdef inline bint better(float rank, int32_t name, float other_rank, int32_t other) noexcept nogil:
    return rank > other_rank or (rank == other_rank and name < other)


cdef Py_ssize_t add_key(Key* keys, Py_ssize_t n, int32_t word, float weight,
                        const int64_t[:] post_off, int32_t source) noexcept nogil:
    cdef Py_ssize_t i
    if word < 0:
        return n
    for i in range(n):
        if keys[i].word == word:
            if weight > keys[i].weight:
                keys[i].weight = weight
            return n
    if n >= MAX_KEYS:
        return n
    keys[n].word = word
    keys[n].weight = weight
    keys[n].df = post_off[word + 1] - post_off[word]
    keys[n].source = source
    keys[n].opens = False
    return n + 1


cdef void sort_keys(Key* keys, Py_ssize_t n) noexcept nogil:
    """Rarest first; a stable insertion sort (few keys), so equal counts keep query order."""
    cdef Py_ssize_t i, j
    cdef Key item
    for i in range(1, n):
        item = keys[i]
        j = i
        while j > 0 and keys[j - 1].df > item.df:
            keys[j] = keys[j - 1]
            j -= 1
        keys[j] = item


