{
  "Resources": {
<#list tasks?filter(task -> task.hasService) as task>
    [=(task.logicalName + "Service")?c]: {
      "Type": "AWS::ECS::Service",
      "DependsOn": ["AutoScalingGroup"],
      "Properties": {
        "Cluster": [=cfn.ref("Cluster")],
        "TaskDefinition": [=cfn.ref(task.logicalName + "TaskDefinition")],
        "DesiredCount": [=task.service.desiredCount?c],
        "LaunchType": "EC2"
<#if tags?has_content>
        , "Tags": [=cfn.tags()]
        , "PropagateTags": "SERVICE"
</#if>
      }
    }<#sep>,</#sep>
</#list>
  }
}
