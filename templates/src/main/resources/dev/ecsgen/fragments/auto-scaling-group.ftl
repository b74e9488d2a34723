<#-- MinSize and MaxSize are strings in the CloudFormation resource specification, so they are written as JSON strings. -->
{
  "Resources": {
    "AutoScalingGroup": {
      "Type": "AWS::AutoScaling::AutoScalingGroup",
      "Properties": {
        "VPCZoneIdentifier": [=cfn.ref("Subnets")],
        "LaunchTemplate": {
          "LaunchTemplateId": [=cfn.ref("LaunchTemplate")],
          "Version": [=cfn.getAtt("LaunchTemplate", "LatestVersionNumber")]
        },
        "MinSize": [=json(cluster.minSize?c)],
        "MaxSize": [=json(cluster.maxSize?c)],
        "DesiredCapacity": [=cfn.ref("DesiredCapacity")],
        "Tags": [=cfn.propagatedTags({"Name": stack.name})]
      }
    }
  }
}
