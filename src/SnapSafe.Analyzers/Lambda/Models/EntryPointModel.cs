using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>How the program's entry point starts the Lambda runtime, read once from its body.</summary>
    internal enum EntryPointKind
    {
        /// <summary>No entry point, or one whose runtime start SnapSafe cannot see.</summary>
        Unknown,

        /// <summary><c>LambdaBootstrapBuilder.Create(...).Build().RunAsync()</c>.</summary>
        Executable,

        /// <summary><c>AddAWSLambdaHosting(...)</c>, then <c>app.Run()</c>/<c>RunAsync()</c>.</summary>
        MinimalApi,
    }

    /// <summary>
    /// The models whose init code is the program's entry point (top-level statements or <c>Main</c>) up to the
    /// statement that starts the Lambda runtime: every statement before it runs during init; the closures it creates
    /// (the handler delegate, endpoint lambdas) run per invocation and the locals they capture are kept.
    /// </summary>
    internal abstract class EntryPointModel : ProgrammingModel
    {
        private readonly EntryPointStart _start;

        protected EntryPointModel(ModelContext context, EntryPointStart start)
            : base(context)
        {
            _start = start;
        }

        /// <summary>The entry-point kind this model owns.</summary>
        protected abstract EntryPointKind Kind { get; }

        /// <summary>True when this model owns the entry point's per-invocation closures and late registrations.</summary>
        protected virtual bool OwnsEntryPoint => _start.Kind == Kind;

        public override bool IsPresent => _start.Kind == Kind;

        public override SyntaxNode? RuntimeStart => IsPresent ? _start.RunStatement : null;

        public override void EnqueueSetup(InitWalk walk)
        {
            if (IsPresent && Context.EntryPoint is { } entryPoint && _start.Body is { } body && _start.RunStatement is { } run)
            {
                walk.Enqueue(body, new InitFrame(InitRootKind.EntryPoint, thisKept: false, anchor: null, anchorFixable: false, InitFrame.NoArguments, run, depth: 0, entryPoint.ContainingType, entryPoint));
            }
        }

        public override void AddInvocationRoots(CodeReach reach)
        {
            if (OwnsEntryPoint && _start.Body is { } body)
            {
                foreach (var closure in _start.Facts(body).Closures)
                {
                    reach.AddRoot(null, closure, "a handler or endpoint lambda");
                }
            }
        }

        public override HookHost HookHostFor(IInvocationOperation registration)
        {
            if (!OwnsEntryPoint)
            {
                return HookHost.None;
            }

            var root = OperationFacts.RootOf(registration);
            return root.Syntax is CompilationUnitSyntax || root.Syntax is MethodDeclarationSyntax { Identifier.ValueText: "Main" }
                ? HookHost.EntryPoint
                : HookHost.None;
        }
    }

    /// <summary>
    /// Where the program's entry point starts the Lambda runtime: the first <c>LambdaBootstrap.RunAsync</c>, or, in a
    /// program that calls <c>AddAWSLambdaHosting</c> (directly or through a source helper), the first host
    /// <c>Run</c>/<c>RunAsync</c>. Read once, shared by the entry-point models.
    /// </summary>
    internal sealed class EntryPointStart
    {
        private readonly BodyFactsTable _facts;

        public EntryPointStart(ModelContext context, BodyFactsTable facts)
        {
            _facts = facts;
            if (context.EntryPoint is not { } entryPoint || context.Bodies.BodyOf(entryPoint) is not { } body)
            {
                return;
            }

            Body = body;
            IInvocationOperation? bootstrapRun = null;
            IInvocationOperation? hostRun = null;
            var hasLambdaHosting = false;
            foreach (var operation in body.Descendants())
            {
                if (operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                var method = invocation.TargetMethod;
                if (method.Name == "AddAWSLambdaHosting" || (!hasLambdaHosting && CallsLambdaHosting(context, method, 0)))
                {
                    hasLambdaHosting = true;
                }
                else if (method.Name == "RunAsync" && KnownTypes.IsOrDerives(method.ContainingType, context.Types.LambdaBootstrap))
                {
                    bootstrapRun = Earlier(bootstrapRun, invocation);
                }
                else if ((method.Name == "Run" || method.Name == "RunAsync") && IsHostRun(invocation, context.Types))
                {
                    hostRun = Earlier(hostRun, invocation);
                }
            }

            if (bootstrapRun != null)
            {
                Kind = EntryPointKind.Executable;
                RunCall = bootstrapRun;
                RunStatement = StatementOf(bootstrapRun);
            }
            else if (hasLambdaHosting && hostRun != null)
            {
                Kind = EntryPointKind.MinimalApi;
                RunCall = hostRun;
                RunStatement = StatementOf(hostRun);
            }
        }

        public EntryPointKind Kind { get; }

        /// <summary>The entry point's body, when there is one.</summary>
        public IOperation? Body { get; }

        /// <summary>The call that starts the Lambda runtime (<c>RunAsync</c>, <c>app.Run</c>).</summary>
        public IInvocationOperation? RunCall { get; }

        /// <summary>The statement (at the top level of the entry point's body) that starts the Lambda runtime.</summary>
        public SyntaxNode? RunStatement { get; }

        public BodyFacts Facts(IOperation body) => _facts.For(body);

        /// <summary>True when a source method (an extension that sets up the host, say) calls <c>AddAWSLambdaHosting</c>, two calls deep at most.</summary>
        private static bool CallsLambdaHosting(ModelContext context, IMethodSymbol method, int depth)
        {
            if (depth > 1 || !SymbolFacts.IsInSource(method) || context.Bodies.BodyOf(method.OriginalDefinition) is not { } body)
            {
                return false;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is IInvocationOperation invocation
                    && (invocation.TargetMethod.Name == "AddAWSLambdaHosting" || CallsLambdaHosting(context, invocation.TargetMethod, depth + 1)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsHostRun(IInvocationOperation invocation, KnownTypes types)
        {
            var receiver = invocation.Instance?.Type;
            if (receiver == null && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
            {
                receiver = invocation.Arguments[0].Value.Type;
            }

            return KnownTypes.IsOrDerives(receiver, types.WebApplication) || KnownTypes.Implements(receiver, types.IHost);
        }

        private static IInvocationOperation Earlier(IInvocationOperation? current, IInvocationOperation candidate)
            => current == null || candidate.Syntax.SpanStart < current.Syntax.SpanStart ? candidate : current;

        /// <summary>Climbs to the statement that sits directly in the entry point's body.</summary>
        private static SyntaxNode StatementOf(IInvocationOperation run)
        {
            for (var node = run.Syntax; node != null; node = node.Parent)
            {
                if (node is StatementSyntax && (node.Parent is GlobalStatementSyntax || node.Parent is BlockSyntax { Parent: BaseMethodDeclarationSyntax }))
                {
                    return node;
                }
            }

            return run.Syntax;
        }
    }
}
