package dev.ecsgen.api;

import org.pf4j.ExtensionPoint;

/**
 * Renders the credentials of one kind of container registry, in every form the spec can choose.
 *
 * <p>Implementations are stateless; the engine calls {@link #describe} for each configured registry,
 * checks the result against the other registries, and then calls {@link #contribute}.
 */
public interface RegistryAuthRenderer extends ExtensionPoint {

    /** Returns the registry type id the spec names in {@code type}, such as {@code dockerhub}. */
    String type();

    /**
     * Validates the registry entry and returns how the agent and the template see it.
     *
     * @throws InvalidSpecException when a field of the entry is missing or invalid
     */
    RegistryDescriptor describe(RegistrySpec spec);

    /**
     * Returns the parameters, resources, auth entry and IAM statements for this registry. The default
     * covers the four standard forms (agent or task level, from parameters or from a secret).
     */
    default RegistryContribution contribute(RegistrySpec spec, RegistryDescriptor descriptor) {
        return StandardRegistryAuth.contribute(spec, descriptor, usernamePattern(), usernameConstraint());
    }

    /**
     * Returns the {@code AllowedPattern} of the username parameter. The default rejects {@code :},
     * which the agent reads as the end of the username, and control characters.
     */
    default String usernamePattern() {
        return "^[^:\\x00-\\x1f\\x7f]+$";
    }

    /** Returns the {@code ConstraintDescription} that explains {@link #usernamePattern()}. */
    default String usernameConstraint() {
        return "The username must not be empty and must not contain ':' or control characters,"
                + " because the ECS agent splits username:password at the first ':'.";
    }
}
