{
  "Outputs": {
    "ClusterName": {
      "Description": "Name of the ECS cluster",
      "Value": [=cfn.ref("Cluster")],
      "Export": {"Name": [=cfn.sub(r"${AWS::StackName}-ClusterName")]}
    },
    "InstanceRoleArn": {
      "Description": "ARN of the container instances' IAM role",
      "Value": [=cfn.getAtt("InstanceRole", "Arn")]
    },
    "SecurityGroupId": {
      "Description": "Security group of the container instances",
      "Value": [=cfn.ref("SecurityGroup")]
    }
  }
}
