<#--
  The launch template of the container instances. lib/userdata.ftl builds its user data, which
  configures the ECS agent and its registry credentials: a shell script on Amazon Linux, TOML
  settings on Bottlerocket (where the planner rejects agent-level registry credentials).
-->
<#import "lib/userdata.ftl" as userdata>
{
  "Resources": {
    "LaunchTemplate": {
      "Type": "AWS::EC2::LaunchTemplate",
      "Properties": {
<#if tags?has_content>
        "TagSpecifications": [{"ResourceType": "launch-template", "Tags": [=cfn.tags()]}],
</#if>
        "LaunchTemplateData": {
          "ImageId": [=json(ami.imageId)],
          "InstanceType": [=cfn.ref("InstanceType")],
          "IamInstanceProfile": {"Arn": [=cfn.getAtt("InstanceProfile", "Arn")]},
          "NetworkInterfaces": [
            {
              "DeviceIndex": 0,
              "AssociatePublicIpAddress": [=cluster.publicIp?c],
              "Groups": [[=cfn.ref("SecurityGroup")]]
            }
          ],
          "MetadataOptions": {
            "HttpEndpoint": "enabled",
            "HttpTokens": "required",
            "HttpPutResponseHopLimit": 2
          },
<#if cluster.keyName>
          "KeyName": [=cfn.ifThen("HasKeyName", cfn.ref("KeyName"), cfn.ref("AWS::NoValue"))],
</#if>
<#if tags?has_content>
          "TagSpecifications": [
            {"ResourceType": "instance", "Tags": [=cfn.tags({"Name": stack.name})]},
            {"ResourceType": "volume", "Tags": [=cfn.tags()]}
          ],
</#if>
          "UserData": [=userdata.userData()]
        }
      }
    }
  }
}
