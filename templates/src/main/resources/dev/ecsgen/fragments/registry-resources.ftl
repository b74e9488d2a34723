<#-- Resources that registry plugins contribute, such as the secret a task-level registry's credentials are stored in. -->
{
  "Resources": [=json(resources)]
}
