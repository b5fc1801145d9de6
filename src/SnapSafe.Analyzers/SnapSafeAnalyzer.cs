using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers.Configuration;
using SnapSafe.Analyzers.Deployment;
using SnapSafe.Analyzers.Lambda;
using SnapSafe.Analyzers.Rules;

namespace SnapSafe.Analyzers
{
    /// <summary>
    /// Reports the init-phase hazards of the SnapSafe catalog. One analyzer serves every rule so that the init-phase
    /// model is built once per compilation; the rules themselves (Rules/) only say which operations are hazards.
    /// Findings are reported per document from a semantic-model action, so they show live in the editor.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SnapSafeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.SNAP001RandomStateCaptured,
            Descriptors.SNAP002UniqueValueCaptured,
            Descriptors.SNAP003TimestampCaptured,
            Descriptors.SNAP004TimerStartedDuringInit,
            Descriptors.SNAP010ConnectionOpenedDuringInit,
            Descriptors.SNAP011ConnectionPoolPrimed,
            Descriptors.SNAP020SecretFetchedDuringInit,
            Descriptors.SNAP021CredentialsCapturedDuringInit,
            Descriptors.SNAP022SecretsExtensionUsed,
            Descriptors.SNAP023EnvironmentVariableAbsent,
            Descriptors.SNAP024CredentialsNeedAbsentVariables,
            Descriptors.SNAP025ConfigurationLoadedFromSecretStore,
            Descriptors.SNAP030DnsResultCached,
            Descriptors.SNAP031HostIdentityCaptured,
            Descriptors.SNAP040HookRegisteredTooLate,
            Descriptors.SNAP041ReleasedResourceNotRestored,
            Descriptors.SNAP042HookWorkNotAwaited,
            Descriptors.SNAP043SensitiveStateNotRefreshed,
            Descriptors.SNAP044PrimingHasSideEffects,
            Descriptors.SNAP045CleanupBeforePriming,
            Descriptors.SNAP046WarmUpRequestUriAbsolute,
            Descriptors.SNAP050NoVersionPublished,
            Descriptors.SNAP051CallerBypassesVersion,
            Descriptors.SNAP052RejectedSetting,
            Descriptors.SNAP053HandlerNotFound,
            Descriptors.SNAP047InitializationDeferred,
            Descriptors.SNAP049AfterRestoreWorkUnbounded,
            Descriptors.SNAP900InvalidConfiguration,
            Descriptors.SNAP901TemplateUnreadable);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Generated code is read by the model (the Annotations wrapper builds the function during init) but
            // never reported on: users cannot act on it.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var types = KnownTypes.Create(context.Compilation);
            var options = SnapSafeOptions.Create(context.Compilation, context.Options.AnalyzerConfigOptionsProvider);
            var templates = DeploymentTemplates.Read(context.Options.AdditionalFiles, context.CancellationToken);
            var deployment = SnapStartDeployment.Create(templates, context.Compilation);
            if (!types.HasLambdaTypes && options.HandlerTypes.IsEmpty && deployment.HandlerTypeNames.IsEmpty)
            {
                // Not a Lambda project: SnapSafe costs nothing here.
                return;
            }

            var gate = new SnapStartGate(options, deployment);

            // Configuration and templates SnapSafe cannot use.
            SNAP900InvalidConfiguration.Register(context, options);
            Rules.Deployment.DeploymentRules.Register(context, templates, gate);

            // Rules that hold anywhere in a Lambda compilation, not only in init code.
            SNAP022SecretsExtensionUsed.Register(context, gate);
            SNAP023EnvironmentVariableAbsent.Register(context, types, gate);
            SNAP024CredentialsNeedAbsentVariables.Register(context, types, gate);

            // Every other rule reads the init-phase model, built once per compilation (however many times a host
            // starts SnapSafe on it) and published per tree, live in the editor.
            var compilation = context.Compilation;
            context.RegisterSemanticModelAction(semanticModelContext =>
            {
                var tree = semanticModelContext.SemanticModel.SyntaxTree;
                if (gate.IsSilenced(tree))
                {
                    return;
                }

                var findings = InitPhaseCache.Get(compilation, types, options, deployment, HazardCatalog.Rules, semanticModelContext.CancellationToken);
                foreach (var finding in findings.In(tree))
                {
                    if (!gate.IsSilenced(tree, finding))
                    {
                        semanticModelContext.ReportDiagnostic(finding.ToDiagnostic());
                    }
                }
            });
        }
    }
}
