package dev.ecsgen.engine.image;

/** Temporary minimal version; replaced by the full agent matching rules. */
public final class AgentAuthKeys {
    private AgentAuthKeys() {
    }

    public static String normalize(String key) {
        return key.replaceFirst("^https?://", "");
    }
}
