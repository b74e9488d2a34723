<#-- The task execution role, needed only when a registry uses task-level credentials: it may read exactly those secrets. -->
<#if executionRole.required>
{
  "Resources": {
    "TaskExecutionRole": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {"Service": ["ecs-tasks.amazonaws.com"]},
              "Action": ["sts:AssumeRole"]
            }
          ]
        },
        "ManagedPolicyArns": [
          [=cfn.arn("iam", ":aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")]
        ],
        "Policies": [
          {
            "PolicyName": "read-registry-credentials",
            "PolicyDocument": {"Version": "2012-10-17", "Statement": [=json(executionRole.statements)]}
          }
        ]
<#if tags?has_content>
        , "Tags": [=cfn.tags()]
</#if>
      }
    }
  }
}
<#else>
{}
</#if>
