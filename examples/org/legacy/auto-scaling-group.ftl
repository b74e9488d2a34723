<#--
  Legacy layer: the built-in Auto Scaling group, launched from the LaunchConfiguration of this
  layer's launch-template.ftl instead of a launch template. MinSize and MaxSize are strings in the
  CloudFormation resource specification.
-->
{
  "Resources": {
    "AutoScalingGroup": {
      "Type": "AWS::AutoScaling::AutoScalingGroup",
      "Properties": {
        "VPCZoneIdentifier": [=cfn.ref("Subnets")],
        "LaunchConfigurationName": [=cfn.ref("LaunchConfiguration")],
        "MinSize": [=json(cluster.minSize?c)],
        "MaxSize": [=json(cluster.maxSize?c)],
        "DesiredCapacity": [=cfn.ref("DesiredCapacity")],
        "Tags": [=cfn.propagatedTags({"Name": stack.name})]
      }
    }
  }
}
