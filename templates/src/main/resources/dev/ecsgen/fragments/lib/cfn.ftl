<#--
  The macro library of ecsgen fragments, imported into every fragment as "cfn".

  Every function returns JSON text, ready to stand as a value in a fragment. Arguments named
  "name", "text", "delimiter", "condition", "service", "rest", "resource" or "attribute" are plain
  strings; arguments named "value", "values", "otherValue", "members", "list", "whenTrue", "whenFalse" or
  "...Key" are JSON text, as returned by these functions or by json(x). Maps named "extra" or
  "pairs" map names to plain strings.
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

<#--
  The stack's tags (the spec's merged over the profile's) as a CloudFormation Tags list. extra maps
  more keys to plain values; a stack tag with the same key wins over extra.
-->
<#function tags extra={}>
  <#local parts = []>
  <#list extra + .data_model.tags as key, value>
    <#local parts += ['{"Key":' + key?c + ',"Value":' + value?c + '}']>
  </#list>
  <#return '[' + parts?join(',') + ']'>
</#function>

<#-- The stack's tags for an Auto Scaling group, copied to the instances it launches; extra as for tags. -->
<#function propagatedTags extra={}>
  <#local parts = []>
  <#list extra + .data_model.tags as key, value>
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

<#-- A JSON object from members, a hash of names to JSON text, in the hash's order. -->
<#function object members>
  <#local parts = []>
  <#list members as name, value>
    <#local parts += [name?c + ':' + value]>
  </#list>
  <#return '{' + parts?join(',') + '}'>
</#function>

<#--
  A resource's Properties object from members (as for object) with "Tags": tags(extra) added when
  there is any tag, so a fragment tags its resource without an if around a trailing comma.
-->
<#function withTags members extra={}>
  <#if (extra + .data_model.tags)?has_content>
    <#return object(members + {"Tags": tags(extra)})>
  </#if>
  <#return object(members)>
</#function>

<#-- [{"Name": name, "Value": value}, ...] from pairs, a hash of names to plain strings, as Environment takes it. -->
<#function nameValues pairs>
  <#local parts = []>
  <#list pairs as name, value>
    <#local parts += ['{"Name":' + name?c + ',"Value":' + value?c + '}']>
  </#list>
  <#return '[' + parts?join(',') + ']'>
</#function>

<#-- {"Fn::Select": [index, list]}, where list is JSON text such as getAZs(). -->
<#function select index list>
  <#return '{"Fn::Select":[' + index?c + ',' + list + ']}'>
</#function>

<#-- {"Fn::GetAZs": ""}: the Availability Zones of the stack's region. -->
<#function getAZs>
  <#return '{"Fn::GetAZs":""}'>
</#function>

<#-- {"Fn::ImportValue": value}, where value is JSON text such as sub(...). -->
<#function importValue value>
  <#return '{"Fn::ImportValue":' + value + '}'>
</#function>

<#-- {"Fn::Equals": [value, value]}, for the Conditions section. -->
<#function equals value otherValue>
  <#return '{"Fn::Equals":[' + value + ',' + otherValue + ']}'>
</#function>

<#-- {"Condition": name}, to use one condition inside another. -->
<#function condition name>
  <#return '{"Condition":' + name?c + '}'>
</#function>
