import { App } from 'aws-cdk-lib';
import { addMeshbotStacks } from './meshbot-app';

// The CDK app (`npx cdk synth`, `npx cdk deploy`): account ids and region come from the context.
const app = new App();
addMeshbotStacks(app);
app.synth();
