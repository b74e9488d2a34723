{
  "Resources": {
    "SecurityGroup": {
      "Type": "AWS::EC2::SecurityGroup",
      "Properties": {
        "GroupDescription": [=cfn.sub(cfn.escapeSub(stack.name) + r" container instances (stack ${AWS::StackName})")],
        "VpcId": [=cfn.ref("VpcId")],
        "SecurityGroupIngress": [
<#list hostPorts as hostPort>
          {
            "IpProtocol": [=hostPort.protocol?c],
            "FromPort": [=hostPort.port?c],
            "ToPort": [=hostPort.port?c],
            "CidrIp": [=cfn.ref("IngressCidr")],
            "Description": [=("host port " + hostPort.port?c + "/" + hostPort.protocol)?c]
          }<#sep>,</#sep>
</#list>
        ]
<#if tags?has_content>
        , "Tags": [=cfn.tags()]
</#if>
      }
    }
  }
}
