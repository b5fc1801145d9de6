using System.Threading.Tasks;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.Deployment.DeploymentVerifier;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules.Deployment
{
    public class SNAP052RejectedSettingTests
    {
        private static string Function(string name, string handler, string settings) => $"""
              {name}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.{handler}::Handler
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
            {settings}
            """;

        [Fact]
        public Task EphemeralStorage_Over512_IsReportedOnSize_512IsClean() => VerifyAsync(
            "template.yaml",
            "Resources:\n"
            + Function("Orders", "Orders", "      EphemeralStorage:\n        {|#0:Size|}: 1024\n")
            + Function("Reports", "Reports", "      EphemeralStorage:\n        Size: 512\n"),
            VerifyCS.Diagnostic("SNAP052").WithLocation(0).WithArguments("Orders", "1024 MB of ephemeral storage (at most 512 MB)"));

        [Theory]
        [InlineData("dotnet6", true)]
        [InlineData("dotnetcore3.1", true)]
        [InlineData("provided.al2023", true)]
        [InlineData("provided.al2", true)]
        [InlineData("dotnet8", false)]
        [InlineData("dotnet10", false)]
        public Task Runtime(string runtime, bool rejected) => VerifyAsync(
            "template.yaml",
            "Resources:\n" + Function("Orders", "Orders", (rejected ? "      {|#0:Runtime|}: " : "      Runtime: ") + runtime + "\n"),
            rejected
                ? new[] { VerifyCS.Diagnostic("SNAP052").WithLocation(0).WithArguments("Orders", "runtime '" + runtime + "' (SnapStart for .NET needs dotnet8 or later, not an OS-only runtime)") }
                : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());

        [Fact]
        public Task RuntimeInGlobals_InheritedByTwoFunctions_IsOneDiagnosticNamingBoth() => VerifyAsync(
            "template.yaml",
            "Globals:\n  Function:\n    {|#0:Runtime|}: dotnet6\nResources:\n"
            + Function("Orders", "Orders", string.Empty)
            + Function("Reports", "Reports", string.Empty),
            VerifyCS.Diagnostic("SNAP052").WithLocation(0).WithArguments("Orders', 'Reports", "runtime 'dotnet6' (SnapStart for .NET needs dotnet8 or later, not an OS-only runtime)"));

        [Fact]
        public Task ContainerImages_AreSupported() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                  ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:latest
                  ImageConfig:
                    Command: ["TestProject::Shop.Orders::Handler"]
                  AutoPublishAlias: live
                  SnapStart:
                    ApplyOn: PublishedVersions
            """);

        [Fact]
        public Task Efs_IsReported_AnEmptyListIsClean() => VerifyAsync(
            "template.yaml",
            "Resources:\n"
            + Function("Orders", "Orders", "      {|#0:FileSystemConfigs|}:\n        - Arn: !GetAtt AccessPoint.Arn\n          LocalMountPath: /mnt/data\n")
            + Function("Reports", "Reports", "      FileSystemConfigs: []\n"),
            VerifyCS.Diagnostic("SNAP052").WithLocation(0).WithArguments("Orders", "EFS file systems (FileSystemConfigs)"));

        [Fact]
        public Task ProvisionedConcurrency_OnTheFunctionOrOnItsAlias_IsReported() => VerifyAsync(
            "template.yaml",
            "Resources:\n"
            + Function("Orders", "Orders", "      {|#0:ProvisionedConcurrencyConfig|}:\n        ProvisionedConcurrentExecutions: 5\n")
            + """
              ReportsFn:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Reports::Handler
                  Runtime: dotnet8
                  SnapStart:
                    ApplyOn: PublishedVersions
              ReportsVersion:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref ReportsFn
              ReportsLive:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref ReportsFn
                  FunctionVersion: !GetAtt ReportsVersion.Version
                  Name: live
                  {|#1:ProvisionedConcurrencyConfig|}:
                    ProvisionedConcurrentExecutions: 5
            """,
            VerifyCS.Diagnostic("SNAP052").WithLocation(0).WithArguments("Orders", "provisioned concurrency (ProvisionedConcurrencyConfig)"),
            VerifyCS.Diagnostic("SNAP052").WithLocation(1).WithArguments("ReportsFn", "provisioned concurrency on alias 'ReportsLive'"));

        [Fact]
        public Task WithoutSnapStart_NothingIsRejected() => VerifyAsync(
            "template.yaml",
            """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handler
                  Runtime: dotnet6
                  EphemeralStorage:
                    Size: 10240
                  ProvisionedConcurrencyConfig:
                    ProvisionedConcurrentExecutions: 5
            """);

        [Fact]
        public Task Json_TwoFunctions_DifferentOutcomes() => VerifyAsync(
            "serverless.template",
            """
            {
              "Resources": {
                "Orders": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders::Handler",
                    "Runtime": "dotnet8",
                    "AutoPublishAlias": "live",
                    "SnapStart": { "ApplyOn": "PublishedVersions" },
                    "EphemeralStorage": { "Size": 2048 }
                  }
                },
                "Reports": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Reports::Handler",
                    "Runtime": "dotnet8",
                    "AutoPublishAlias": "live",
                    "SnapStart": { "ApplyOn": "PublishedVersions" },
                    "EphemeralStorage": { "Size": 512 }
                  }
                }
              }
            }
            """,
            VerifyCS.Diagnostic("SNAP052").WithSpan("/0/serverless.template", 10, 31, 10, 37).WithArguments("Orders", "2048 MB of ephemeral storage (at most 512 MB)"));

        [Fact]
        public Task ToolsDefaults_RuntimeAndStorage() => VerifyAsync(
            "aws-lambda-tools-defaults.json",
            """
            {
              "function-handler": "TestProject::Shop.Orders::Handler",
              {|#0:"function-runtime"|}: "dotnet6",
              "function-publish": true,
              {|#1:"ephemerals-storage-size"|}: 1024,
              {|#2:"file-system-configs"|}: "arn:aws:elasticfilesystem:eu-west-1:123456789012:access-point/fsap-1=/mnt/data",
              "snap-start-apply-on": "PublishedVersions"
            }
            """,
            VerifyCS.Diagnostic("SNAP052").WithLocation(0).WithArguments("aws-lambda-tools-defaults.json", "runtime 'dotnet6' (SnapStart for .NET needs dotnet8 or later, not an OS-only runtime)"),
            VerifyCS.Diagnostic("SNAP052").WithLocation(2).WithArguments("aws-lambda-tools-defaults.json", "EFS file systems (file-system-configs)"),
            VerifyCS.Diagnostic("SNAP052").WithLocation(1).WithArguments("aws-lambda-tools-defaults.json", "1024 MB of ephemeral storage (at most 512 MB)"));
    }
}
