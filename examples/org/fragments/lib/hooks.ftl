<#--
  Organization layer: replaces the built-in lib/hooks.ftl to send every container's output to the
  LogGroup resource of log-group.ftl with the awslogs driver. Keep every function of the built-in
  file, since this file replaces it whole.
-->
<#import "/lib/cfn.ftl" as cfn>

<#function taskProperties task>
  <#return {}>
</#function>

<#-- Streams are named <task name>/<container name>/<task id>. -->
<#function containerDefinition task container>
  <#local options = cfn.object({
    "awslogs-group": cfn.ref("LogGroup"),
    "awslogs-region": cfn.ref("AWS::Region"),
    "awslogs-stream-prefix": task.name?c
  })>
  <#return {"LogConfiguration": cfn.object({"LogDriver": "awslogs"?c, "Options": options})}>
</#function>
