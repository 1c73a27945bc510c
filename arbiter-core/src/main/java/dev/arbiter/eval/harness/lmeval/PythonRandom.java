package dev.arbiter.eval.harness.lmeval;

/**
 * CPython's {@code random.Random} for the calls lm-eval's default few-shot sampler makes
 * ({@code lm_eval/api/samplers.py}: {@code Random(1234).sample(docs, n)}, one call per evaluated document in
 * order): the MT19937 generator seeded by {@code init_by_array} as {@code Random(int)} seeds it, {@code getrandbits},
 * {@code _randbelow} (rejection on {@code n.bit_length()} bits) and {@code sample}'s two selection strategies
 * ({@code Lib/random.py}, 3.11). Exactness matters: a different draw is a different prompt. Not thread-safe.
 */
public final class PythonRandom {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int mti;

    /** {@code random.Random(seed)} for a non-negative seed below 2^32. */
    public PythonRandom(long seed) {
        if (seed < 0 || seed > 0xffffffffL) throw new IllegalArgumentException("seed must be in [0, 2^32), got " + seed);
        initByArray(new int[] {(int) seed});
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        mti = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) j = 0;
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    /** The next 32 random bits as an unsigned value. */
    long nextUint32() {
        if (mti >= N) {
            for (int kk = 0; kk < N; kk++) {
                int y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % N] & 0x7fffffff);
                mt[kk] = mt[(kk + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            mti = 0;
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** {@code getrandbits(k)} for 1 ≤ k ≤ 32. */
    long getrandbits(int k) {
        if (k < 1 || k > 32) throw new IllegalArgumentException("k must be 1..32, got " + k);
        return nextUint32() >>> (32 - k);
    }

    /** {@code _randbelow(n)}: uniform in [0, n), for 0 < n < 2^32. */
    int randbelow(int n) {
        int k = 32 - Integer.numberOfLeadingZeros(n); // n.bit_length()
        long r = getrandbits(k);
        while (r >= n) r = getrandbits(k);
        return (int) r;
    }

    /** {@code sample(range(n), k)}: k distinct indices in the order CPython draws them. */
    public int[] sample(int n, int k) {
        if (k < 0 || k > n) throw new IllegalArgumentException("sample larger than population or negative: k=" + k + ", n=" + n);
        int[] result = new int[k];
        int setsize = 21; // size of a small set minus size of an empty list
        if (k > 5) setsize += (int) Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)));
        if (n <= setsize) {
            int[] pool = new int[n];
            for (int i = 0; i < n; i++) pool[i] = i;
            for (int i = 0; i < k; i++) {
                int j = randbelow(n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        } else {
            java.util.Set<Integer> selected = new java.util.HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = randbelow(n);
                while (selected.contains(j)) j = randbelow(n);
                selected.add(j);
                result[i] = j;
            }
        }
        return result;
    }
}
