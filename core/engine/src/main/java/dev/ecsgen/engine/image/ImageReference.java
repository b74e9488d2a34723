package dev.ecsgen.engine.image;

/** Temporary minimal parser; replaced by the full Docker reference grammar. */
public record ImageReference(String registry, String repository, String tag, String digest) {
    public static ImageReference parse(String image) {
        if (image == null || image.isBlank() || !image.matches("[a-z0-9./:@_-]+")) {
            throw new IllegalArgumentException("invalid image reference '" + image + "'");
        }
        String first = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
        boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
        String registry = host ? first : "docker.io";
        String rest = host ? image.substring(first.length() + 1) : image;
        return new ImageReference(registry, rest, null, null);
    }

    public boolean isDockerHub() {
        return registry.equals("docker.io");
    }

    public String agentAuthKey() {
        return isDockerHub() ? "https://index.docker.io/v1/" : registry;
    }
}
