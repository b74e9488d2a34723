package dev.ecsgen.engine.spec;

import java.util.Locale;

/** Derives CloudFormation logical ids from spec names. */
public final class Names {
    private Names() {
    }

    /** Converts {@code web-api} to {@code WebApi}; the result is alphanumeric, as logical ids must be. */
    public static String pascalCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean upperNext = true;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(upperNext ? Character.toUpperCase(c) : c);
                upperNext = false;
            } else {
                upperNext = true;
            }
        }
        return out.toString();
    }

    /** Converts {@code registry.example.com:5000} to {@code RegistryExampleCom5000}. */
    public static String fromHost(String host) {
        String id = pascalCase(host.toLowerCase(Locale.ROOT));
        return id.isEmpty() || !Character.isLetter(id.charAt(0)) ? "Registry" + id : id;
    }
}
