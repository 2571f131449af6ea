package org.coopkg.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random choices of the generator, from one seeded sequence: the same seed gives the same draws, so the
 * order in which the generator draws is part of its output.
 */
final class Draw {
    private static final String[] SYLLABLES = {"ka", "lo", "ven", "mar", "ti", "sa", "dor", "el", "qu", "ran", "bo",
            "nis", "ta", "vel", "or", "mi", "zan", "ur", "ho", "len", "tra", "go", "fe", "ris"};

    private final SplittableRandom random;

    Draw(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** An element with index ~ n·r³: the head of the list gets most picks (a power-law degree distribution). */
    String powerLaw(List<String> ids) {
        double r = random.nextDouble();
        return ids.get((int) (ids.size() * r * r * r));
    }

    String uniform(List<String> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A made-up capitalised word of {@code syllables} or one more syllables. */
    String name(int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables + random.nextInt(2); i++) name.append(pick(SYLLABLES));
        return capitalise(name.toString());
    }

    static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    String year() {
        return Integer.toString(2000 + random.nextInt(26));
    }

    String date() {
        return String.format("%s-%02d-%02d", year(), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }
}
