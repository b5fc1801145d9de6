using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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
            Descriptors.SNAP030DnsResultCached,
            Descriptors.SNAP031HostIdentityCaptured,
            Descriptors.SNAP040HookRegisteredTooLate,
            Descriptors.SNAP041ReleasedResourceNotRestored,
            Descriptors.SNAP042HookWorkNotAwaited,
            Descriptors.SNAP043SensitiveStateNotRefreshed,
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

            if (!options.Problems.IsEmpty)
            {
                context.RegisterCompilationEndAction(endContext =>
                {
                    foreach (var problem in options.Problems)
                    {
                        endContext.ReportDiagnostic(Diagnostic.Create(Descriptors.SNAP900InvalidConfiguration, Location.None, problem.Key, problem.Value, problem.Reason));
                    }
                });
            }

            if (!templates.Errors.IsEmpty)
            {
                context.RegisterAdditionalFileAction(fileContext =>
                {
                    foreach (var error in templates.Errors)
                    {
                        if (error.Location.GetLineSpan().Path == fileContext.AdditionalFile.Path)
                        {
                            fileContext.ReportDiagnostic(error);
                        }
                    }
                });
            }

            // Under snapsafe.snapstart = auto, a tree is silent when the templates deploy every function of the
            // project without SnapStart, and a finding is silent when every function whose init reaches it is.
            bool IsSilenced(SyntaxTree tree, Finding? finding)
            {
                var mode = options.SnapStartFor(tree);
                if (mode == SnapStartMode.Disabled)
                {
                    return true;
                }

                if (mode == SnapStartMode.Enabled)
                {
                    return false;
                }

                if (deployment.AllOff)
                {
                    return true;
                }

                if (finding == null || finding.Origins.IsEmpty || !deployment.IsMixed)
                {
                    return false;
                }

                foreach (var origin in finding.Origins)
                {
                    if (!deployment.IsOff(origin))
                    {
                        return false;
                    }
                }

                return true;
            }

            // SNAP022 and SNAP023 hold anywhere in a Lambda compilation, not only in init code. Both start from
            // syntax (a string literal, a call named GetEnvironmentVariable) so that no operation tree is built for
            // code that cannot match.
            context.RegisterSyntaxNodeAction(
                syntaxContext =>
                {
                    var node = syntaxContext.Node;
                    var text = node is LiteralExpressionSyntax literal ? literal.Token.ValueText : ((InterpolatedStringTextSyntax)node).TextToken.ValueText;
                    if (SNAP022SecretsExtensionUsed.TryMatch(text, out var marker) && !IsSilenced(node.SyntaxTree, null))
                    {
                        syntaxContext.ReportDiagnostic(Diagnostic.Create(Descriptors.SNAP022SecretsExtensionUsed, node.GetLocation(), marker));
                    }
                },
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.Utf8StringLiteralExpression,
                SyntaxKind.InterpolatedStringText);
            context.RegisterSyntaxNodeAction(
                syntaxContext =>
                {
                    var invocation = (InvocationExpressionSyntax)syntaxContext.Node;
                    if (SNAP023EnvironmentVariableAbsent.IsCandidate(invocation)
                        && syntaxContext.SemanticModel.GetOperation(invocation, syntaxContext.CancellationToken) is IInvocationOperation operation
                        && SNAP023EnvironmentVariableAbsent.TryMatch(operation, types, out var variable)
                        && !IsSilenced(invocation.SyntaxTree, null))
                    {
                        syntaxContext.ReportDiagnostic(Diagnostic.Create(Descriptors.SNAP023EnvironmentVariableAbsent, invocation.GetLocation(), variable));
                    }
                },
                SyntaxKind.InvocationExpression);

            var model = new InitPhaseCache(context.Compilation, types, options, deployment);
            context.RegisterSemanticModelAction(semanticModelContext =>
            {
                var tree = semanticModelContext.SemanticModel.SyntaxTree;
                if (IsSilenced(tree, null))
                {
                    return;
                }

                foreach (var finding in model.Get(semanticModelContext.CancellationToken).FindingsIn(tree))
                {
                    if (!IsSilenced(tree, finding))
                    {
                        semanticModelContext.ReportDiagnostic(finding.ToDiagnostic());
                    }
                }
            });
        }

        /// <summary>
        /// Builds the model on first use and shares it between documents. A cancelled build is not cached, so the
        /// next request builds again.
        /// </summary>
        private sealed class InitPhaseCache
        {
            private readonly Compilation _compilation;
            private readonly KnownTypes _types;
            private readonly SnapSafeOptions _options;
            private readonly SnapStartDeployment _deployment;
            private readonly object _gate = new object();
            private InitPhase? _phase;

            public InitPhaseCache(Compilation compilation, KnownTypes types, SnapSafeOptions options, SnapStartDeployment deployment)
            {
                _compilation = compilation;
                _types = types;
                _options = options;
                _deployment = deployment;
            }

            public InitPhase Get(CancellationToken cancellationToken)
            {
                var phase = Volatile.Read(ref _phase);
                if (phase != null)
                {
                    return phase;
                }

                lock (_gate)
                {
                    if (_phase == null)
                    {
                        Volatile.Write(ref _phase, InitPhase.Build(_compilation, _types, _options, _deployment, cancellationToken));
                    }

                    return _phase!;
                }
            }
        }
    }
}
