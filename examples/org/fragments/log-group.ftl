<#--
  Organization layer: one CloudWatch Logs group for the containers of the stack, kept 30 days.
  lib/hooks.ftl points every container's awslogs driver at it. The container instances' role has
  the AmazonEC2ContainerServiceforEC2Role policy, which lets the ECS agent create log streams and
  put log events, so no extra permission is needed.
-->
{
  "Resources": {
    "LogGroup": {
      "Type": "AWS::Logs::LogGroup",
      "Properties": [=cfn.withTags({
        "LogGroupName": ("/ecs/" + stack.name)?c,
        "RetentionInDays": "30"
      })]
    }
  }
}
