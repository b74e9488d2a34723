package dev.ecsgen.api;

import java.util.List;
import java.util.Map;

/**
 * What one registry adds to the stack. Values are plain maps, lists, strings, numbers and booleans,
 * with intrinsic functions built by {@link Cfn}.
 *
 * @param parameters              template parameters by logical id
 * @param resources               resources by logical id, such as a secret the stack creates
 * @param agentAuth               the entry for {@code ECS_ENGINE_AUTH_DATA}, or {@code null} for task-level auth
 * @param repositoryCredentials   the {@code CredentialsParameter} value for each container of this
 *                                registry, or {@code null} for agent-level auth
 * @param instanceRoleStatements  IAM policy statements the container instances need
 * @param executionRoleStatements IAM policy statements the task execution role needs
 */
public record RegistryContribution(
        Map<String, Object> parameters,
        Map<String, Object> resources,
        AgentAuthEntry agentAuth,
        Object repositoryCredentials,
        List<Object> instanceRoleStatements,
        List<Object> executionRoleStatements) {
    public RegistryContribution {
        parameters = Ordered.copy(parameters);
        resources = Ordered.copy(resources);
        instanceRoleStatements = List.copyOf(instanceRoleStatements);
        executionRoleStatements = List.copyOf(executionRoleStatements);
    }
}
