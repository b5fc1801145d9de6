using System.Threading.Tasks;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.Deployment.DeploymentVerifier;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules.Deployment
{
    /// <summary>SNAP022's template form: the extension's layer or its variables on a SnapStart function.</summary>
    public class SNAP022SecretsExtensionInTemplateTests
    {
        private const string LayerArn = "arn:aws:lambda:eu-west-1:133256977650:layer:AWS-Parameters-and-Secrets-Lambda-Extension:11";

        [Fact]
        public Task LayerAndVariables_OnASnapStartFunction_AreReported() => VerifyAsync(
            "template.yaml",
            $$"""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
                  Layers:
                    - {|#0:{{LayerArn}}|}
                    - {|#1:!Sub "arn:aws:lambda:${AWS::Region}:133256977650:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:11"|}
                    - !Ref SharedLayer
                  Environment:
                    Variables:
                      TABLE: orders
                      {|#2:PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED|}: "true"
            """,
            VerifyCS.Diagnostic("SNAP022").WithLocation(0).WithArguments(LayerArn),
            VerifyCS.Diagnostic("SNAP022").WithLocation(1).WithArguments("arn:aws:lambda:${AWS::Region}:133256977650:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:11"),
            VerifyCS.Diagnostic("SNAP022").WithLocation(2).WithArguments("PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED"));

        [Fact]
        public Task LayerInGlobals_IsReportedOnce() => VerifyAsync(
            "serverless.template",
            $$"""
            {
              "Globals": { "Function": { "Layers": [ {|#0:"{{LayerArn}}"|} ], "AutoPublishAlias": "live", "SnapStart": { "ApplyOn": "PublishedVersions" } } },
              "Resources": {
                "Orders": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Shop.Orders::Handler" } },
                "Reports": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Shop.Reports::Handler", "Layers": [ "arn:aws:lambda:eu-west-1:123456789012:layer:shared:3" ] } }
              }
            }
            """,
            VerifyCS.Diagnostic("SNAP022").WithLocation(0).WithArguments(LayerArn));

        [Fact]
        public Task WithoutSnapStart_TheExtensionIsFine() => VerifyAsync(
            "template.yaml",
            $"""
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  Layers: ["{LayerArn}"]
            """);

        [Fact]
        public Task ToolsDefaults_LayersAndVariables() => VerifyAsync(
            "aws-lambda-tools-defaults.json",
            $$"""
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              "function-publish": true,
              "snap-start-apply-on": "PublishedVersions",
              "function-layers": {|#0:"{{LayerArn}}"|},
              "environment-variables": {|#1:"TABLE=orders;PARAMETERS_SECRETS_EXTENSION_HTTP_PORT=2773"|}
            }
            """,
            VerifyCS.Diagnostic("SNAP022").WithLocation(0).WithArguments(LayerArn),
            VerifyCS.Diagnostic("SNAP022").WithLocation(1).WithArguments("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"));
    }
}
