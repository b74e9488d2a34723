<#--
  The macro library of ecsgen fragments, imported into every fragment as "cfn".

  Every function returns JSON text, ready to stand as a value in a fragment. Arguments named
  "name", "text", "delimiter" or "condition" are plain strings; arguments named "value",
  "values" or "...Key" are JSON text, as returned by these functions or by json(x).
-->

<#-- {"Ref": name} -->
<#function ref name>
  <#return '{"Ref":' + name?c + '}'>
</#function>

<#-- {"Fn::GetAtt": [resource, attribute]} -->
<#function getAtt resource attribute>
  <#return '{"Fn::GetAtt":[' + resource?c + ',' + attribute?c + ']}'>
</#function>

<#-- {"Fn::Sub": text}. Escape literal text taken from the model with escapeSub first. -->
<#function sub text>
  <#return '{"Fn::Sub":' + text?c + '}'>
</#function>

<#-- {"Fn::Sub": [text, variables]}, where variables maps each name to JSON text. -->
<#function subWith text variables>
  <#local parts = []>
  <#list variables as name, value>
    <#local parts += [name?c + ':' + value]>
  </#list>
  <#return '{"Fn::Sub":[' + text?c + ',{' + parts?join(',') + '}]}'>
</#function>

<#-- Makes text literal inside Fn::Sub: CloudFormation reads "${!" as a literal "${". -->
<#function escapeSub text>
  <#return text?replace(r'${', r'${!')>
</#function>

<#-- {"Fn::Join": [delimiter, values]}, where values is a sequence of JSON texts. -->
<#function join delimiter values>
  <#return '{"Fn::Join":[' + delimiter?c + ',[' + values?join(',') + ']]}'>
</#function>

<#-- {"Fn::Base64": value} -->
<#function base64 value>
  <#return '{"Fn::Base64":' + value + '}'>
</#function>

<#-- {"Fn::FindInMap": [name, topKey, secondKey]}, where both keys are JSON text. -->
<#function findInMap name topKey secondKey>
  <#return '{"Fn::FindInMap":[' + name?c + ',' + topKey + ',' + secondKey + ']}'>
</#function>

<#-- {"Fn::If": [condition, whenTrue, whenFalse]}, where both values are JSON text. -->
<#function ifThen condition whenTrue whenFalse>
  <#return '{"Fn::If":[' + condition?c + ',' + whenTrue + ',' + whenFalse + ']}'>
</#function>

<#-- An ARN in the stack's partition: arn:${AWS::Partition}:service:rest. Never write arn:aws: literally. -->
<#function arn service rest>
  <#return sub(r'arn:${AWS::Partition}:' + service + ':' + rest)>
</#function>

<#-- The stack's tags as a CloudFormation Tags list; extra maps more keys to plain values. -->
<#function tags extra={}>
  <#local parts = []>
  <#list .data_model.tags + extra as key, value>
    <#local parts += ['{"Key":' + key?c + ',"Value":' + value?c + '}']>
  </#list>
  <#return '[' + parts?join(',') + ']'>
</#function>

<#-- The stack's tags for an Auto Scaling group, copied to the instances it launches. -->
<#function propagatedTags extra={}>
  <#local parts = []>
  <#list .data_model.tags + extra as key, value>
    <#local parts += ['{"Key":' + key?c + ',"Value":' + value?c + ',"PropagateAtLaunch":true}']>
  </#list>
  <#return '[' + parts?join(',') + ']'>
</#function>

<#--
  Shell lines that append body to path byte for byte: a quoted here-document expands no $, `
  or \ in body. Fails when a line of body equals the end marker, which would end it early.
-->
<#function heredoc path marker body>
  <#list body?split("\n") as line>
    <#if line == marker>
      <#stop "heredoc body contains its end marker line '" + marker + "'; choose another marker">
    </#if>
  </#list>
  <#return "cat <<'" + marker + "' >> " + path + "\n" + body?ensure_ends_with("\n") + marker + "\n">
</#function>
