using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers
{
    /// <summary>The deployment rules: reported on the deployment template, at the property that causes them.</summary>
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor SNAP050NoVersionPublished = Create(
            DiagnosticIds.NoVersionPublished,
            "SnapStart is on but no version is published",
            "SnapStart is on for '{0}' but no version of it is published, so every invocation runs $LATEST and never a snapshot: {1}",
            DiagnosticSeverity.Warning,
            "SnapStart applies only to published versions and the aliases that point at them, never to $LATEST. A SAM function needs AutoPublishAlias (on the function or in Globals.Function) or an AWS::Lambda::Version; a raw AWS::Lambda::Function needs an AWS::Lambda::Version; dotnet lambda deploy-function needs \"function-publish\": true. Without one, SnapStart is switched on and never used.");

        public static readonly DiagnosticDescriptor SNAP051CallerBypassesVersion = Create(
            DiagnosticIds.CallerBypassesVersion,
            "Callers bypass the SnapStart version",
            "{1} invokes '{0}' through its unqualified name or ARN, so it runs $LATEST and never the SnapStart version: {2}",
            DiagnosticSeverity.Warning,
            "A caller wired to the function's unqualified ARN or name (a function URL, an event source mapping, a permission, an API integration, a Step Functions or EventBridge target) invokes $LATEST, which SnapStart never applies to. Point it at the alias or version: !Ref of the AWS::Lambda::Alias, SAM's Fn.Alias, or ${Fn.Arn}:alias. SAM events of a function with AutoPublishAlias are wired to the alias by SAM.");

        public static readonly DiagnosticDescriptor SNAP052RejectedSetting = Create(
            DiagnosticIds.SettingRejectedWithSnapStart,
            "SnapStart is combined with a setting the service rejects",
            "SnapStart is on for '{0}' together with {1}: the service rejects the combination",
            DiagnosticSeverity.Warning,
            "Lambda does not accept SnapStart on a .NET function with a runtime older than dotnet8 or an OS-only runtime (provided.al2023, used for Native AOT), with EFS file systems, with more than 512 MB of ephemeral storage, or with provisioned concurrency. The deployment fails, or SnapStart has to be switched off.");

        public static readonly DiagnosticDescriptor SNAP053HandlerNotFound = Create(
            DiagnosticIds.DeploymentHandlerNotFound,
            "Deployment handler not found",
            "Handler '{0}' of '{2}' names {1}, which does not exist in this project",
            DiagnosticSeverity.Warning,
            "The template's handler string names this project's assembly, but the type or the method it names does not exist (a typo, or a rename the template did not follow). With SnapStart the runtime loads the handler while the version is published, and that publish fails; without it, every invocation fails.");
    }
}
