package dev.ecsgen.api;

import java.util.Objects;

/**
 * One registry's entry in {@code ECS_ENGINE_AUTH_DATA} in the {@code dockercfg} form.
 *
 * <p>Exactly one of the two sources is set: {@code authValue}, a template expression that yields the
 * base64 of {@code username:password} at deploy time, or {@code secretArn}, a Secrets Manager secret
 * that the instance reads at boot.
 *
 * @param key       the registry key as the agent matches it
 * @param variable  an alphanumeric name, unique in the stack, for this entry in user data
 * @param authValue the expression, or {@code null}
 * @param secretArn the secret, or {@code null}
 */
public record AgentAuthEntry(String key, String variable, Object authValue, String secretArn) {
    public AgentAuthEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(variable, "variable");
        if ((authValue == null) == (secretArn == null)) {
            throw new IllegalArgumentException("an agent auth entry needs exactly one of authValue and secretArn");
        }
    }

    public static AgentAuthEntry fromExpression(String key, String variable, Object base64AuthValue) {
        return new AgentAuthEntry(key, variable, base64AuthValue, null);
    }

    public static AgentAuthEntry fromSecret(String key, String variable, String secretArn) {
        return new AgentAuthEntry(key, variable, null, secretArn);
    }
}
