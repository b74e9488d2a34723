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
        "MinSize": [=cluster.minSize?c?c],
        "MaxSize": [=cluster.maxSize?c?c],
        "DesiredCapacity": [=cfn.ref("DesiredCapacity")],
        "Tags": [=cfn.propagatedTags({"Name": stack.name})]
      }
    }
  }
}
