package dev.ecsgen.api;

import java.nio.file.Path;

/**
 * The spec's {@code ami} section.
 *
 * @param source  the id of the {@link AmiSource} that serves it
 * @param variant the image variant, such as {@code al2023} or {@code al2023-arm64}
 * @param file    a map file for sources that read one, or {@code null}
 * @param resolve {@code parameter} (a template parameter) or {@code launch} ({@code resolve:ssm:} in the launch template)
 * @param pin     a fixed AMI id, or {@code null}
 * @param baseDir the folder of the spec file, against which {@code file} is resolved
 */
public record AmiSpec(String source, String variant, String file, String resolve, String pin, Path baseDir) {
}
