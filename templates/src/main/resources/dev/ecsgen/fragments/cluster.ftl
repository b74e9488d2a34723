{
  "Resources": {
    "Cluster": {
      "Type": "AWS::ECS::Cluster",
      "Properties": {
        "ClusterSettings": [{"Name": "containerInsights", "Value": "enabled"}]
<#if tags?has_content>
        , "Tags": [=cfn.tags()]
</#if>
      }
    }
  }
}
