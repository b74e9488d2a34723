<#--
  Extension points of the built-in fragments. Each function returns a hash of extra members, each
  a name mapped to JSON text, for one object of the template; the built-ins add none. To add members,
  a layer gives its own lib/hooks.ftl, which replaces this whole file, so it must define every
  function here: start from a copy ('ecsgen fragments export DIR'). A member that the fragment
  writes already makes the rendered JSON invalid (a duplicate key), which ecsgen reports.
-->

<#-- Extra members of the Properties of the task definition of task (an entry of tasks). -->
<#function taskProperties task>
  <#return {}>
</#function>

<#-- Extra members of the definition of container (an entry of task.containers). -->
<#function containerDefinition task container>
  <#return {}>
</#function>
