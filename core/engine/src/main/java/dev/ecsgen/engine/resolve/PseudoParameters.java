package dev.ecsgen.engine.resolve;

/**
 * Values of the CloudFormation pseudo parameters ({@code AWS::Region}, {@code AWS::AccountId} and so on) that the
 * resolver substitutes. A {@code null} component takes its default: region {@value #DEFAULT_REGION}, account
 * {@value #DEFAULT_ACCOUNT_ID}, stack name {@value #DEFAULT_STACK_NAME}, and a stack id of the form
 * {@code arn:<partition>:cloudformation:<region>:<account>:stack/<stack name>/00000000-0000-0000-0000-000000000000}.
 *
 * @param region    the AWS region, such as {@code eu-west-1}
 * @param accountId the 12-digit account id
 * @param stackName the stack name
 * @param stackId   the stack ARN
 */
public record PseudoParameters(String region, String accountId, String stackName, String stackId) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    public static final String DEFAULT_STACK_NAME = "ecsgen-preview";

    /** Fills in the default of every {@code null} component. */
    public PseudoParameters {
        if (region == null) {
            region = DEFAULT_REGION;
        }
        if (accountId == null) {
            accountId = DEFAULT_ACCOUNT_ID;
        }
        if (stackName == null) {
            stackName = DEFAULT_STACK_NAME;
        }
        if (stackId == null) {
            stackId = "arn:" + partitionOf(region) + ":cloudformation:" + region + ":" + accountId
                    + ":stack/" + stackName + "/00000000-0000-0000-0000-000000000000";
        }
    }

    /** Returns the pseudo parameters with every default. */
    public static PseudoParameters defaults() {
        return new PseudoParameters(null, null, null, null);
    }

    /** Returns the defaults with the given region. */
    public static PseudoParameters forRegion(String region) {
        return new PseudoParameters(region, null, null, null);
    }

    /** Returns the partition of the region: {@code aws-cn} for {@code cn-*}, {@code aws-us-gov} for {@code us-gov-*}, else {@code aws}. */
    public String partition() {
        return partitionOf(region);
    }

    /** Returns the domain suffix of service endpoints: {@code amazonaws.com.cn} in {@code aws-cn}, else {@code amazonaws.com}. */
    public String urlSuffix() {
        return partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    // NOTE: the isolated partitions (us-iso-*, us-isob-* and others) are not modelled and resolve as "aws".
    private static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }
}
