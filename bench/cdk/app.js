// An AWS CDK app with roughly the resources of examples/reference.yaml: an ECS cluster, an Auto
// Scaling group with a launch template whose user data writes the Docker Hub credentials into
// /etc/ecs/ecs.config, a task definition with two containers, and a service. bench/run synthesizes
// it to compare with ecsgen generate; nothing here is deployed.
const cdk = require('aws-cdk-lib');
const autoscaling = require('aws-cdk-lib/aws-autoscaling');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const iam = require('aws-cdk-lib/aws-iam');

const app = new cdk.App();
const stack = new cdk.Stack(app, 'web-cluster', {
  description: 'ECS cluster web-cluster with agent-level Docker Hub credentials (CDK benchmark)',
});

const username = new cdk.CfnParameter(stack, 'DockerHubUsername', { type: 'String', noEcho: true });
const password = new cdk.CfnParameter(stack, 'DockerHubPassword', { type: 'String', noEcho: true });

// Fixed IDs instead of Vpc.fromLookup, which would need an AWS account during synthesis.
const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
  vpcId: 'vpc-0123456789abcdef0',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  publicSubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
});

const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, clusterName: 'web-cluster' });

const role = new iam.Role(stack, 'InstanceRole', {
  assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
  managedPolicies: [
    iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEC2ContainerServiceforEC2Role'),
  ],
});
const securityGroup = new ec2.SecurityGroup(stack, 'SecurityGroup', { vpc, allowAllOutbound: true });
securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80));

const userData = ec2.UserData.forLinux();
userData.addCommands(
  'cat >> /etc/ecs/ecs.config <<EOF',
  'ECS_ENGINE_AUTH_TYPE=dockercfg',
  cdk.Fn.sub('ECS_ENGINE_AUTH_DATA={"https://index.docker.io/v1/":{"auth":"${Auth}"}}', {
    Auth: cdk.Fn.base64(cdk.Fn.join(':', [username.valueAsString, password.valueAsString])),
  }),
  'EOF',
);

const launchTemplate = new ec2.LaunchTemplate(stack, 'LaunchTemplate', {
  instanceType: new ec2.InstanceType('t3.micro'),
  machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
  role,
  securityGroup,
  userData,
});
const autoScalingGroup = new autoscaling.AutoScalingGroup(stack, 'AutoScalingGroup', {
  vpc,
  launchTemplate,
  minCapacity: 0,
  maxCapacity: 4,
});
cluster.addAsgCapacityProvider(new ecs.AsgCapacityProvider(stack, 'CapacityProvider', {
  autoScalingGroup,
  enableManagedTerminationProtection: false,
}), {
  // ecsgen adds no drain hook, so leave out the Lambda function, topic and roles CDK would add for one.
  taskDrainTime: cdk.Duration.seconds(0),
});

const taskDefinition = new ecs.Ec2TaskDefinition(stack, 'WebTaskDefinition');
taskDefinition.addContainer('nginx-public', {
  image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
  memoryLimitMiB: 128,
  cpu: 128,
  essential: true,
  portMappings: [{ containerPort: 80, hostPort: 80 }],
});
taskDefinition.addContainer('nginx-private', {
  image: ecs.ContainerImage.fromRegistry('exampleorg/private-nginx:1.0'),
  memoryLimitMiB: 128,
  cpu: 128,
  essential: false,
});
new ecs.Ec2Service(stack, 'WebService', { cluster, taskDefinition, desiredCount: 1, minHealthyPercent: 50 });

app.synth();
