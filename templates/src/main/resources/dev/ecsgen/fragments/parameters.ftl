<#-- Parameters the deployer sets, and the Mappings and Rules that AMI sources contribute. -->
{
  "Parameters": {
    "VpcId": {
      "Type": "AWS::EC2::VPC::Id",
      "Description": "VPC of the container instances"
    },
    "Subnets": {
      "Type": "List<AWS::EC2::Subnet::Id>",
      "Description": "Two or more subnets of that VPC, in different Availability Zones, for the container instances"
    },
    "InstanceType": {
      "Type": "String",
      "Default": [=cluster.instanceType?c],
      "AllowedPattern": "^[a-z][a-z0-9-]*\\.[a-z0-9-]+$",
      "ConstraintDescription": "must be an EC2 instance type such as t3.micro",
      "Description": "EC2 instance type of the container instances"
    },
    "DesiredCapacity": {
      "Type": "Number",
      "Default": [=cluster.desiredCapacity?c],
      "MinValue": [=cluster.minSize?c],
      "MaxValue": [=cluster.maxSize?c],
      "Description": "Number of container instances to run"
    }
<#if cluster.keyName>
    , "KeyName": {
      "Type": "String",
      "Default": "",
      "Description": "EC2 key pair for SSH access to the container instances; empty for none"
    }
</#if>
<#if hostPorts?has_content>
    , "IngressCidr": {
      "Type": "String",
      "Default": "0.0.0.0/0",
      "AllowedPattern": "^(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}$",
      "ConstraintDescription": "must be an IPv4 CIDR block such as 10.0.0.0/16",
      "Description": "Addresses allowed to reach the containers' host ports"
    }
</#if>
<#list parameters as name, parameter>
    , [=name?c]: [=json(parameter)]
</#list>
  }
<#if cluster.keyName>
  , "Conditions": {
    "HasKeyName": {"Fn::Not": [{"Fn::Equals": [[=cfn.ref("KeyName")], ""]}]}
  }
</#if>
<#if mappings?has_content>
  , "Mappings": [=json(mappings)]
</#if>
<#if rules?has_content>
  , "Rules": [=json(rules)]
</#if>
}
