<#-- One task definition per task. lib/hooks.ftl can add members to each task definition and container definition. -->
<#import "lib/hooks.ftl" as hooks>
{
  "Resources": {
<#list tasks as task>
    [=(task.logicalName + "TaskDefinition")?c]: {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "Family": [=task.family?c],
        "NetworkMode": "bridge",
        "RequiresCompatibilities": ["EC2"],
<#if executionRole.required>
        "ExecutionRoleArn": [=cfn.getAtt("TaskExecutionRole", "Arn")],
</#if>
<#if tags?has_content>
        "Tags": [=cfn.tags()],
</#if>
<#list hooks.taskProperties(task) as name, value>
        [=name?c]: [=value],
</#list>
        "ContainerDefinitions": [
<#list task.containers as container>
          {
            "Name": [=container.name?c],
            "Image": [=container.image?c],
            "Memory": [=container.memory?c],
            "Cpu": [=container.cpu?c],
            "Essential": [=container.essential?c]
<#if container.portMappings?has_content>
            , "PortMappings": [
<#list container.portMappings as port>
              {
                "ContainerPort": [=port.containerPort?c],
<#if port.hostPort??>
                "HostPort": [=port.hostPort?c],
</#if>
                "Protocol": [=port.protocol?c]
              }<#sep>,</#sep>
</#list>
            ]
</#if>
<#if container.environment?has_content>
            , "Environment": [
<#list container.environment as name, value>
              {"Name": [=name?c], "Value": [=value?c]}<#sep>,</#sep>
</#list>
            ]
</#if>
<#if container.repositoryCredentials??>
            , "RepositoryCredentials": {"CredentialsParameter": [=json(container.repositoryCredentials)]}
</#if>
<#list hooks.containerDefinition(task, container) as name, value>
            , [=name?c]: [=value]
</#list>
          }<#sep>,</#sep>
</#list>
        ]
      }
    }<#sep>,</#sep>
</#list>
  }
}
