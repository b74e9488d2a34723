package dev.ecsgen.api;

/** The user data language an image's boot agent reads. */
public enum UserDataFormat {
    /** A shell script run by cloud-init, as on the ECS-optimized Amazon Linux images. */
    SHELL,
    /** TOML settings, as on Bottlerocket. */
    TOML
}
