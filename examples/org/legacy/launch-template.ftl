<#--
  Legacy layer for old accounts: replaces the built-in launch template with the pre-2024
  AWS::AutoScaling::LaunchConfiguration shape. Launch configurations cannot be created in AWS
  accounts created on or after 1 October 2024, so use this layer only for accounts that still
  run them; elsewhere, the built-in launch template is the supported shape. auto-scaling-group.ftl
  of this layer points the Auto Scaling group at it.

  A launch configuration cannot read an AMI id from a "resolve:ssm:" reference at launch, so this
  layer needs ami.resolve: parameter (the default). It has no Tags property.
-->
<#import "lib/userdata.ftl" as userdata>
<#if ami.imageId?is_string && ami.imageId?starts_with("resolve:")>
  <#stop "the legacy launch configuration needs ami.resolve: parameter, because a launch configuration cannot resolve " + ami.imageId>
</#if>
{
  "Resources": {
    "LaunchConfiguration": {
      "Type": "AWS::AutoScaling::LaunchConfiguration",
      "Properties": {
        "ImageId": [=json(ami.imageId)],
        "InstanceType": [=cfn.ref("InstanceType")],
        "IamInstanceProfile": [=cfn.ref("InstanceProfile")],
        "AssociatePublicIpAddress": [=cluster.publicIp?c],
        "SecurityGroups": [[=cfn.ref("SecurityGroup")]],
        "MetadataOptions": {
          "HttpEndpoint": "enabled",
          "HttpTokens": "required",
          "HttpPutResponseHopLimit": 2
        },
<#if cluster.keyName>
        "KeyName": [=cfn.ifThen("HasKeyName", cfn.ref("KeyName"), cfn.ref("AWS::NoValue"))],
</#if>
        "UserData": [=userdata.userData()]
      }
    }
  }
}
