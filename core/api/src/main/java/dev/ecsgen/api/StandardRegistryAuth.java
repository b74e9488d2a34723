package dev.ecsgen.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four standard ways a registry's credentials reach a pull, shared by every registry plugin.
 *
 * <table>
 *   <caption>Credential forms</caption>
 *   <tr><th>auth</th><th>with secretArn</th><th>without secretArn</th></tr>
 *   <tr><td>agent</td><td>user data reads the secret at boot with the instance role</td>
 *       <td>{@code NoEcho} parameters, written as {@code Fn::Base64} of {@code username:password}</td></tr>
 *   <tr><td>task</td><td>{@code RepositoryCredentials} on that secret</td>
 *       <td>the stack creates the secret from {@code NoEcho} parameters</td></tr>
 * </table>
 */
public final class StandardRegistryAuth {

    /**
     * Rejects the characters that would break the secret's JSON, which CloudFormation writes with
     * {@code Fn::Sub} and cannot escape: {@code "}, {@code \} and control characters.
     */
    public static final String JSON_SAFE_PATTERN = "^[^\"\\\\\\x00-\\x1f\\x7f]+$";

    static final String JSON_SAFE_CONSTRAINT = "The value must not be empty and must not contain a double quote,"
            + " a backslash or control characters, because CloudFormation copies it into the secret's JSON"
            + " without escaping.";

    private StandardRegistryAuth() {
    }

    /** Returns the contribution for the form that {@code spec} chooses. */
    public static RegistryContribution contribute(RegistrySpec spec, RegistryDescriptor descriptor,
            String usernamePattern, String usernameConstraint) {
        String id = descriptor.logicalId();
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, Object> resources = new LinkedHashMap<>();
        List<Object> instanceStatements = new ArrayList<>();
        List<Object> executionStatements = new ArrayList<>();
        AgentAuthEntry agentAuth = null;
        Object repositoryCredentials = null;
        String variable = id + "Auth";

        if (spec.auth() == AuthMode.AGENT && spec.secretArn() == null) {
            parameters.put(id + "Username", credentialParameter(
                    "Username for " + descriptor.authKey() + ", written to the ECS agent config as base64",
                    usernamePattern, usernameConstraint));
            parameters.put(id + "Password", credentialParameter(
                    "Password or access token for " + descriptor.authKey() + ", written to the ECS agent config as base64",
                    null, null));
            Object auth = Cfn.base64(Cfn.join("", Cfn.ref(id + "Username"), ":", Cfn.ref(id + "Password")));
            agentAuth = AgentAuthEntry.fromExpression(descriptor.authKey(), variable, auth);
        } else if (spec.auth() == AuthMode.AGENT) {
            agentAuth = AgentAuthEntry.fromSecret(descriptor.authKey(), variable, spec.secretArn());
            instanceStatements.addAll(readSecretStatements(spec.secretArn(), spec.kmsKeyArn()));
        } else if (spec.secretArn() != null) {
            repositoryCredentials = spec.secretArn();
            executionStatements.addAll(readSecretStatements(spec.secretArn(), spec.kmsKeyArn()));
        } else {
            String combinedPattern = "^(?!.*:)" + JSON_SAFE_PATTERN.substring(1);
            parameters.put(id + "Username", credentialParameter(
                    "Username for " + descriptor.authKey() + ", stored in the secret " + id + "Credentials",
                    combinedPattern, "The username must not be empty and must not contain ':', a double quote,"
                            + " a backslash or control characters, because CloudFormation copies it into the"
                            + " secret's JSON without escaping."));
            parameters.put(id + "Password", credentialParameter(
                    "Password or access token for " + descriptor.authKey() + ", stored in the secret " + id + "Credentials",
                    JSON_SAFE_PATTERN, JSON_SAFE_CONSTRAINT));
            String secretString = "{\"username\":\"${" + id + "Username}\",\"password\":\"${" + id + "Password}\"}";
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("Description", Cfn.sub("Pull credentials for " + descriptor.authKey() + " (stack ${AWS::StackName})"));
            properties.put("SecretString", Cfn.sub(secretString));
            if (spec.kmsKeyArn() != null) {
                // NOTE: the key must be in the stack's region; only CloudFormation checks that, at deploy time.
                properties.put("KmsKeyId", spec.kmsKeyArn());
            }
            resources.put(id + "Credentials", Cfn.object(
                    "Type", "AWS::SecretsManager::Secret",
                    "Properties", Ordered.copy(properties)));
            repositoryCredentials = Cfn.ref(id + "Credentials");
            Object secret = Cfn.ref(id + "Credentials");
            executionStatements.addAll(readSecretStatements(secret, spec.kmsKeyArn()));
        }
        return new RegistryContribution(parameters, resources, agentAuth, repositoryCredentials,
                instanceStatements, executionStatements);
    }

    private static Map<String, Object> credentialParameter(String description, String pattern, String constraint) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("Type", "String");
        parameter.put("NoEcho", true);
        parameter.put("MinLength", 1);
        parameter.put("Description", description);
        if (pattern != null) {
            parameter.put("AllowedPattern", pattern);
            parameter.put("ConstraintDescription", constraint);
        }
        return Ordered.copy(parameter);
    }

    private static List<Object> readSecretStatements(Object secret, String kmsKeyArn) {
        List<Object> statements = new ArrayList<>();
        statements.add(Cfn.object(
                "Effect", "Allow",
                "Action", List.of("secretsmanager:GetSecretValue"),
                "Resource", List.of(secret)));
        if (kmsKeyArn != null) {
            statements.add(Cfn.object(
                    "Effect", "Allow",
                    "Action", List.of("kms:Decrypt"),
                    "Resource", List.of(kmsKeyArn)));
        }
        return statements;
    }
}
