package org.coopkg.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash coop-kg uses: for stable short ids (minted relation ids, VoID fragment names,
 * canonical blank node labels), entity tags and release checksums.
 */
public final class Sha256 {
    private Sha256() {}

    /** A fresh digest, for hashing in several pieces. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The first {@code bytes} bytes of the hash of {@code data}, as lower-case hex. */
    public static String hex(byte[] data, int bytes) {
        return HexFormat.of().formatHex(digest().digest(data), 0, bytes);
    }

    /** The first {@code bytes} bytes of the hash of {@code text} (UTF-8), as lower-case hex. */
    public static String hex(String text, int bytes) {
        return hex(text.getBytes(StandardCharsets.UTF_8), bytes);
    }
}
