using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Deployment;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Deployment
{
    /// <summary>
    /// The deployment model read from templates shaped like the ones AWS's .NET blueprints and the AWS toolkit
    /// generate: functions, their handlers and SnapStart, versions and callers.
    /// </summary>
    public class DeploymentModelTests
    {
        [Fact]
        public void AspNetCoreBlueprintShape_OneFunctionWithTwoApiEvents()
        {
            var model = Read(("/src/Api/serverless.template", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Transform": "AWS::Serverless-2016-10-31",
                  "Description": "An AWS Serverless Application that uses the ASP.NET Core framework running in Amazon Lambda.",
                  "Parameters": {},
                  "Conditions": {},
                  "Resources": {
                    "AspNetCoreFunction": {
                      "Type": "AWS::Serverless::Function",
                      "Properties": {
                        "Handler": "Api::Api.LambdaEntryPoint::FunctionHandlerAsync",
                        "Runtime": "dotnet8",
                        "CodeUri": "",
                        "MemorySize": 512,
                        "Timeout": 30,
                        "Role": null,
                        "Policies": [ "AWSLambda_FullAccess" ],
                        "Events": {
                          "ProxyResource": { "Type": "Api", "Properties": { "Path": "/{proxy+}", "Method": "ANY" } },
                          "RootResource": { "Type": "Api", "Properties": { "Path": "/", "Method": "ANY" } }
                        }
                      }
                    }
                  },
                  "Outputs": {
                    "ApiURL": { "Description": "API endpoint URL for Prod environment", "Value": { "Fn::Sub": "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/" } }
                  }
                }
                """));

            var function = Assert.Single(model.Functions);
            Assert.Equal("AspNetCoreFunction", function.Name);
            Assert.Equal(FunctionKind.Serverless, function.Kind);
            Assert.Equal("Api", function.HandlerAssembly);
            Assert.False(function.SnapStart);
            Assert.Equal(new[] { "event 'ProxyResource'", "event 'RootResource'" }, model.Callers.Select(caller => caller.Caller));
            Assert.False(model.IsPublished(function));
        }

        [Fact]
        public void StepFunctionsBlueprintShape_RawFunctionsAndAStateMachine()
        {
            var model = Read(("/serverless.template", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Transform": "AWS::Serverless-2016-10-31",
                  "Resources": {
                    "GreetingTask": {
                      "Type": "AWS::Lambda::Function",
                      "Properties": {
                        "Handler": "Tasks::Tasks.StepFunctionTasks::Greeting",
                        "Role": { "Fn::GetAtt": [ "LambdaRole", "Arn" ] },
                        "Runtime": "dotnet8",
                        "Code": { "S3Bucket": "", "S3Key": "" },
                        "SnapStart": { "ApplyOn": "PublishedVersions" }
                      }
                    },
                    "GreetingVersion": { "Type": "AWS::Lambda::Version", "Properties": { "FunctionName": { "Ref": "GreetingTask" } } },
                    "StateMachine": {
                      "Type": "AWS::StepFunctions::StateMachine",
                      "Properties": {
                        "RoleArn": { "Fn::GetAtt": [ "StateMachineRole", "Arn" ] },
                        "DefinitionString": { "Fn::Sub": "{\"StartAt\": \"Greeting\", \"States\": {\"Greeting\": {\"Type\": \"Task\", \"Resource\": \"${GreetingTask.Arn}\", \"End\": true}}}" }
                      }
                    }
                  }
                }
                """));

            var function = Assert.Single(model.Functions);
            Assert.True(function.SnapStart);
            Assert.True(model.IsPublished(function));
            Assert.Equal("GreetingVersion", Assert.Single(model.Versions).Name);
            var caller = Assert.Single(model.Callers);
            Assert.Equal("AWS::StepFunctions::StateMachine 'StateMachine'", caller.Caller);
            Assert.False(caller.Qualified);
        }

        [Fact]
        public void AnnotationsAndToolkitShapes_GeneratedHandlersAndToolsDefaultsForTemplates()
        {
            var model = Read(
                ("/src/Shipping/serverless.template", """
                    {
                      "AWSTemplateFormatVersion": "2010-09-09",
                      "Transform": "AWS::Serverless-2016-10-31",
                      "Description": "This template is partially managed by Amazon.Lambda.Annotations (v1.7.0.0).",
                      "Resources": {
                        "ShippingFunctionsQuoteGenerated": {
                          "Type": "AWS::Serverless::Function",
                          "Metadata": { "Tool": "Amazon.Lambda.Annotations", "SyncedEvents": [ "RootPost" ] },
                          "Properties": {
                            "Runtime": "dotnet8",
                            "PackageType": "Zip",
                            "Handler": "Shipping::Shipping.Functions_Quote_Generated::Quote",
                            "Environment": { "Variables": { "ANNOTATIONS_HANDLER": "Quote" } }
                          }
                        }
                      }
                    }
                    """),
                ("/src/Shipping/aws-lambda-tools-defaults.json", """
                    {
                      "Information": [ "This file provides default values for the deployment wizard inside Visual Studio." ],
                      "profile": "DefaultProfile",
                      "region": "DefaultRegion",
                      "configuration": "Release",
                      "s3-prefix": "Shipping/",
                      "template": "serverless.template",
                      "template-parameters": ""
                    }
                    """));

            Assert.Equal(2, model.Files.Length);
            Assert.All(model.Files, file => Assert.Null(file.Error));
            var function = Assert.Single(model.Functions);
            Assert.Equal("Shipping::Shipping.Functions_Quote_Generated::Quote", function.Handler);
        }

        [Fact]
        public void SnapStartDeploymentView_AnswersAsBefore()
        {
            var model = Read(("/template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    SnapStart:
                      ApplyOn: PublishedVersions
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: TestProject::Shop.Orders::Handler
                  Reports:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: TestProject::Shop.Reports::Handler
                      SnapStart:
                        ApplyOn: None
                  Image:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      ImageConfig:
                        Command: [TestProject::Shop.Images::Handler]
                """));
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("TestProject");

            var deployment = SnapStartDeployment.Create(model, compilation);

            Assert.Equal(new[] { "Shop.Orders", "Shop.Reports" }, deployment.HandlerTypeNames.OrderBy(name => name));
            Assert.True(deployment.IsMixed);
            Assert.False(deployment.AllOff);
        }

        private static DeploymentModel Read(params (string Path, string Text)[] files)
        {
            var model = DeploymentModel.Read(files.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text)).ToImmutableArray(), CancellationToken.None);
            Assert.All(model.Files, file => Assert.True(file.Error == null, file.Path + ": " + file.Error?.Message));
            return model;
        }

        private sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
