package dev.ecsgen.engine.plugin;

import java.util.List;

/**
 * One plugin as {@code ecsgen plugins} lists it.
 *
 * @param id         the plugin id, or {@code (class path)} for extensions found on the class path
 * @param version    the plugin version, or an empty string when unknown
 * @param source     the jar or folder it was loaded from
 * @param state      {@code started}, {@code failed} or {@code disabled}
 * @param extensions the extensions it provides, such as {@code registry dockerhub}
 * @param failure    why it failed, or {@code null}
 */
public record PluginInfo(String id, String version, String source, String state, List<String> extensions, String failure) {
}
