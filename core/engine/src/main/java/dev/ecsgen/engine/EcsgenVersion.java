package dev.ecsgen.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The ecsgen version, read from the engine jar, which the build writes at package time. */
public final class EcsgenVersion {
    private static final String VERSION = read();

    private EcsgenVersion() {
    }

    /** Returns the full version, such as {@code 0.1.0-SNAPSHOT}. */
    public static String full() {
        return VERSION;
    }

    /** Returns the version without a pre-release suffix, such as {@code 0.1.0}, which plugins' requirements are checked against. */
    public static String release() {
        int dash = VERSION.indexOf('-');
        return dash < 0 ? VERSION : VERSION.substring(0, dash);
    }

    private static String read() {
        try (InputStream in = EcsgenVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "0.0.0";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "0.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
