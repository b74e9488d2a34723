<#-- The role of the container instances: the ECS agent's managed policy, plus reading the secrets of secret-backed agent-level registries. -->
{
  "Resources": {
    "InstanceRole": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": {"Service": [[=cfn.sub(r"ec2.${AWS::URLSuffix}")]]},
              "Action": ["sts:AssumeRole"]
            }
          ]
        },
        "ManagedPolicyArns": [
          [=cfn.arn("iam", ":aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role")]
        ]
<#if instanceRole.statements?has_content>
        , "Policies": [
          {
            "PolicyName": "read-registry-credentials",
            "PolicyDocument": {"Version": "2012-10-17", "Statement": [=json(instanceRole.statements)]}
          }
        ]
</#if>
<#if tags?has_content>
        , "Tags": [=cfn.tags()]
</#if>
      }
    },
    "InstanceProfile": {
      "Type": "AWS::IAM::InstanceProfile",
      "Properties": {
        "Roles": [[=cfn.ref("InstanceRole")]]
      }
    }
  }
}
