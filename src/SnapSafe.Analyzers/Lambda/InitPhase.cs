using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Configuration;
using SnapSafe.Analyzers.Rules;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The init-phase model of one compilation: which code runs during init (for every programming model), which of
    /// its values are kept in the snapshot, and which of those an after-restore hook (or each invocation) refreshes.
    /// Built once per compilation, on first use, by walking only init code and the code it reaches; rules read its
    /// findings per tree.
    /// </summary>
    internal sealed partial class InitPhase : IHazardContext
    {
        private const int MaxDepth = 8;

        private readonly SourceBodies _bodies;
        private readonly LambdaEntryPoints _entries;
        private readonly CancellationToken _cancellationToken;
        private readonly Queue<KeyValuePair<IOperation, InitFrame>> _work = new Queue<KeyValuePair<IOperation, InitFrame>>();
        private readonly HashSet<(SyntaxNode Node, bool ThisKept, SyntaxNode? Anchor, ISymbol? Origin)> _visited = new HashSet<(SyntaxNode, bool, SyntaxNode?, ISymbol?)>();
        private readonly HashSet<(ISymbol Type, ISymbol? Origin)> _staticInitDone = new HashSet<(ISymbol, ISymbol?)>();
        private readonly Dictionary<SyntaxNode, RootInfo> _roots = new Dictionary<SyntaxNode, RootInfo>();
        private readonly HashSet<ISymbol> _refreshed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ITypeSymbol, ITypeSymbol> _registrations = new Dictionary<ITypeSymbol, ITypeSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<ITypeSymbol> _singletons = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        private readonly List<KeyValuePair<ITypeSymbol, ISymbol?>> _resolvedServices = new List<KeyValuePair<ITypeSymbol, ISymbol?>>();
        private readonly List<PendingFinding> _pending = new List<PendingFinding>();
        private readonly HashSet<SyntaxNode> _initRegistrations = new HashSet<SyntaxNode>();
        private readonly List<HookRegistration> _hooks = new List<HookRegistration>();
        private readonly Dictionary<ISymbol, IOperation> _initValues = new Dictionary<ISymbol, IOperation>(SymbolEqualityComparer.Default);
        private readonly List<Finding> _hookFindings = new List<Finding>();
        private readonly List<PoolCandidate> _poolCandidates = new List<PoolCandidate>();
        private readonly ValueFlow _flow;
        private InvocationReach? _invocationReach;
        private SyntaxNode? _entrySyntax;
        private int _entryClosuresEnd = int.MaxValue;
        private Dictionary<SyntaxTree, List<Finding>> _findings = new Dictionary<SyntaxTree, List<Finding>>();

        private readonly Deployment.SnapStartDeployment _deployment;

        private InitPhase(Compilation compilation, KnownTypes types, SnapSafeOptions options, Deployment.SnapStartDeployment deployment, CancellationToken cancellationToken)
        {
            _deployment = deployment;
            Compilation = compilation;
            Types = types;
            Options = options;
            _cancellationToken = cancellationToken;
            _bodies = new SourceBodies(compilation, cancellationToken);
            _entries = LambdaEntryPoints.Find(compilation, types, options, deployment.HandlerTypeNames, cancellationToken);
            _flow = new ValueFlow(this);
        }

        public Compilation Compilation { get; }

        public KnownTypes Types { get; }

        public SnapSafeOptions Options { get; }

        internal SourceBodies Bodies => _bodies;

        internal LambdaEntryPoints Entries => _entries;

        public static InitPhase Build(Compilation compilation, KnownTypes types, SnapSafeOptions options, Deployment.SnapStartDeployment deployment, CancellationToken cancellationToken)
        {
            var phase = new InitPhase(compilation, types, options, deployment, cancellationToken);
            phase.Run();
            return phase;
        }

        /// <summary>The findings located in one tree.</summary>
        public IReadOnlyList<Finding> FindingsIn(SyntaxTree tree)
            => _findings.TryGetValue(tree, out var list) ? list : (IReadOnlyList<Finding>)System.Array.Empty<Finding>();

        /// <summary>All findings (tests and tools).</summary>
        public IEnumerable<Finding> AllFindings
        {
            get
            {
                foreach (var list in _findings.Values)
                {
                    foreach (var finding in list)
                    {
                        yield return finding;
                    }
                }
            }
        }

        private void Run()
        {
            // [LambdaStartup].ConfigureServices (or ConfigureHostBuilder) runs first in the Annotations wrapper; its
            // registrations tell which implementations the function class receives.
            foreach (var startup in _entries.StartupTypes)
            {
                EnsureStaticInit(startup, origin: null);
                EnqueueInstanceInit(startup, constructor: null, thisKept: false, anchor: null, anchorFixable: false, origin: null);
                foreach (var member in startup.GetMembers())
                {
                    if (member is IMethodSymbol { Name: "ConfigureServices" or "ConfigureHostBuilder" } method && _bodies.BodyOf(method) is { } body)
                    {
                        Enqueue(body, new InitFrame(InitRootKind.Helper, thisKept: false, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, depth: 0, startup, origin: null));
                    }
                }
            }

            if (_entries.EntryPoint is { } entryPoint && _bodies.BodyOf(entryPoint) is { } entryBody)
            {
                var run = FindRuntimeStart(entryBody);
                if (run != null)
                {
                    // Closures in the run statement itself (the handler passed to LambdaBootstrapBuilder.Create) are
                    // built before the runtime starts; whoever reads the entry body first must see that.
                    _entrySyntax = entryBody.Syntax;
                    _entryClosuresEnd = run.Span.End;
                    Enqueue(entryBody, new InitFrame(InitRootKind.EntryPoint, thisKept: false, anchor: null, anchorFixable: false, InitFrame.NoArguments, run, depth: 0, entryPoint.ContainingType, entryPoint));
                }
            }

            foreach (var handler in _entries.HandlerTypes)
            {
                EnsureStaticInit(handler, handler);
                if (!handler.IsStatic)
                {
                    EnqueueInstanceInit(handler, constructor: null, thisKept: true, anchor: null, anchorFixable: false, origin: handler);
                }
            }

            Drain();

            // The Annotations wrapper builds the function class through dependency injection during init, and with
            // it every service its constructor takes.
            foreach (var function in _entries.AnnotationsFunctionTypes)
            {
                EnqueueInjectedServices(function, function, 0);
            }

            // Singletons that init code resolves from the container are built before the snapshot and kept by it.
            foreach (var resolved in _resolvedServices)
            {
                if (_singletons.Contains(resolved.Key)
                    && (_registrations.TryGetValue(resolved.Key, out var registered) ? registered : resolved.Key) is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } service
                    && LambdaEntryPoints.IsInSource(service))
                {
                    EnqueueInstanceInit(service, constructor: null, thisKept: true, anchor: null, anchorFixable: false, resolved.Value);
                    EnqueueInjectedServices(service, resolved.Value ?? service, 0);
                }
            }

            Drain();
            AnalyzeHooks();
            Publish();
        }

        private void Drain()
        {
            while (_work.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var item = _work.Dequeue();
                Walk(item.Key, item.Value);
            }
        }

        private void Enqueue(IOperation root, InitFrame frame)
        {
            if (frame.Depth > MaxDepth)
            {
                return;
            }

            if (_visited.Add((root.Syntax, frame.ThisKept, frame.Anchor, OriginKey(frame.Origin))))
            {
                _work.Enqueue(new KeyValuePair<IOperation, InitFrame>(root, frame));
            }
        }

        /// <summary>
        /// Bodies are walked once per origin only when the templates switch SnapStart off for some functions and on
        /// for others (a finding is then kept when any origin that reaches it has SnapStart on); otherwise once.
        /// </summary>
        private ISymbol? OriginKey(ISymbol? origin) => _deployment.IsMixed ? origin : null;

        /// <summary>Static field initializers and static constructors of a type and its source base types.</summary>
        private void EnsureStaticInit(INamedTypeSymbol? type, ISymbol? origin)
        {
            for (var current = type; current != null && LambdaEntryPoints.IsInSource(current); current = current.BaseType)
            {
                var definition = current.OriginalDefinition;
                if (!_staticInitDone.Add((definition, OriginKey(origin))))
                {
                    return;
                }

                var frame = new InitFrame(InitRootKind.Static, thisKept: false, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, depth: 0, definition, origin);
                foreach (var initializer in _bodies.InitializersOf(definition, isStatic: true))
                {
                    Enqueue(initializer, frame);
                }

                foreach (var constructor in _bodies.ConstructorsOf(definition, isStatic: true))
                {
                    if (_bodies.BodyOf(constructor) is { } body)
                    {
                        Enqueue(body, frame);
                    }
                }

                if (definition.ContainingType != null)
                {
                    EnsureStaticInit(definition.ContainingType, origin);
                }
            }
        }

        /// <summary>
        /// Instance field initializers and a constructor (all source constructors when none is named) of a type and
        /// its source base types, run for an object built during init.
        /// </summary>
        private void EnqueueInstanceInit(INamedTypeSymbol type, IMethodSymbol? constructor, bool thisKept, SyntaxNode? anchor, bool anchorFixable, ISymbol? origin, int depth = 0)
        {
            type = type.OriginalDefinition;
            EnsureStaticInit(type, origin);
            var first = true;
            var implicitBaseCall = false;
            for (var current = type; current != null && LambdaEntryPoints.IsInSource(current); current = current.BaseType)
            {
                var frame = new InitFrame(InitRootKind.Instance, thisKept, anchor, anchorFixable, InitFrame.NoArguments, runStatement: null, depth, current, origin);
                foreach (var initializer in _bodies.InitializersOf(current, isStatic: false))
                {
                    Enqueue(initializer, frame);
                }

                var runsImplicitBaseCall = false;
                var hasSourceConstructor = false;
                foreach (var ctor in _bodies.ConstructorsOf(current, isStatic: false))
                {
                    hasSourceConstructor = true;

                    // The named constructor of the created type (all of them when none is named). A base type's
                    // constructor runs through the derived constructor's base(...) call, walked with its arguments
                    // bound; only the parameterless one that an implicit base() call reaches is walked from here.
                    var runs = first
                        ? constructor == null || SymbolEqualityComparer.Default.Equals(ctor, constructor.OriginalDefinition)
                        : implicitBaseCall && ctor.Parameters.IsEmpty;
                    if (!runs)
                    {
                        continue;
                    }

                    runsImplicitBaseCall |= !ChainsExplicitly(ctor);
                    if (_bodies.BodyOf(ctor) is { } body)
                    {
                        Enqueue(body, frame);
                    }
                }

                implicitBaseCall = runsImplicitBaseCall || !hasSourceConstructor;
                first = false;
            }
        }

        /// <summary>True when the constructor calls <c>this(...)</c> or <c>base(...)</c> itself (a primary constructor: with base arguments).</summary>
        private bool ChainsExplicitly(IMethodSymbol constructor)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax(_bodies.CancellationToken))
                {
                    case ConstructorDeclarationSyntax { Initializer: not null }:
                        return true;
                    case TypeDeclarationSyntax { BaseList: { } baseList }:
                        foreach (var baseType in baseList.Types)
                        {
                            if (baseType is PrimaryConstructorBaseTypeSyntax)
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        private void EnqueueInjectedServices(INamedTypeSymbol type, ISymbol origin, int depth)
        {
            if (depth > 3)
            {
                return;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    var implementation = _registrations.TryGetValue(parameter.Type.OriginalDefinition, out var registered) ? registered : parameter.Type;
                    if (implementation is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } service && LambdaEntryPoints.IsInSource(service))
                    {
                        EnqueueInstanceInit(service, constructor: null, thisKept: true, anchor: null, anchorFixable: false, origin);
                        EnqueueInjectedServices(service, origin, depth + 1);
                    }
                }
            }
        }

        /// <summary>True when a source method (an extension that sets up the host, say) calls <c>AddAWSLambdaHosting</c>, two calls deep at most.</summary>
        private bool CallsLambdaHosting(IMethodSymbol method, int depth)
        {
            if (depth > 1 || !LambdaEntryPoints.IsInSource(method) || _bodies.BodyOf(method.OriginalDefinition) is not { } body)
            {
                return false;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is IInvocationOperation invocation
                    && (invocation.TargetMethod.Name == "AddAWSLambdaHosting" || CallsLambdaHosting(invocation.TargetMethod, depth + 1)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The statement (at the top level of the entry point's body) that starts the Lambda runtime.</summary>
        private SyntaxNode? FindRuntimeStart(IOperation entryBody)
        {
            IInvocationOperation? bootstrapRun = null;
            IInvocationOperation? hostRun = null;
            var hasLambdaHosting = false;
            foreach (var operation in entryBody.Descendants())
            {
                if (operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                var method = invocation.TargetMethod;
                if (method.Name == "AddAWSLambdaHosting" || (!hasLambdaHosting && CallsLambdaHosting(method, 0)))
                {
                    hasLambdaHosting = true;
                }
                else if (method.Name == "RunAsync" && KnownTypes.IsOrDerives(method.ContainingType, Types.LambdaBootstrap))
                {
                    bootstrapRun = Earlier(bootstrapRun, invocation);
                }
                else if ((method.Name == "Run" || method.Name == "RunAsync") && IsHostRun(invocation))
                {
                    hostRun = Earlier(hostRun, invocation);
                }
            }

            var run = bootstrapRun ?? (hasLambdaHosting ? hostRun : null);
            if (run == null)
            {
                return null;
            }

            // Climb to the statement that sits directly in the entry point's body.
            SyntaxNode? statement = null;
            for (var node = run.Syntax; node != null; node = node.Parent)
            {
                if (node is StatementSyntax && (node.Parent is GlobalStatementSyntax || node.Parent is BlockSyntax { Parent: BaseMethodDeclarationSyntax }))
                {
                    statement = node;
                    break;
                }
            }

            return statement ?? run.Syntax;
        }

        private bool IsHostRun(IInvocationOperation invocation)
        {
            var receiver = invocation.Instance?.Type;
            if (receiver == null && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0)
            {
                receiver = invocation.Arguments[0].Value.Type;
            }

            return KnownTypes.IsOrDerives(receiver, Types.WebApplication) || KnownTypes.Implements(receiver, Types.IHost);
        }

        private static IInvocationOperation Earlier(IInvocationOperation? current, IInvocationOperation candidate)
            => current == null || candidate.Syntax.SpanStart < current.Syntax.SpanStart ? candidate : current;

        /// <summary>The body (operation root) that contains an operation.</summary>
        internal static IOperation RootOf(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current;
        }

        internal RootInfo RootInfoFor(IOperation root, int closuresEnd = int.MaxValue)
        {
            if (!_roots.TryGetValue(root.Syntax, out var info))
            {
                if (_entrySyntax != null && root.Syntax == _entrySyntax)
                {
                    closuresEnd = _entryClosuresEnd;
                }

                info = RootInfo.Compute(root, Types, closuresEnd);
                _roots.Add(root.Syntax, info);
            }

            return info;
        }

        /// <inheritdoc/>
        public bool IsConstantSeededRandom(IOperation receiver)
        {
            receiver = ValueFlow.Unwrap(receiver);
            switch (receiver)
            {
                case IObjectCreationOperation creation:
                    return SNAP001RandomStateCaptured.IsConstantSeeded(creation);

                case IFieldReferenceOperation field:
                    return InitializerIsConstantSeeded(field.Field);

                case IPropertyReferenceOperation property:
                    return InitializerIsConstantSeeded(property.Property);

                case ILocalReferenceOperation local:
                    var values = RootInfoFor(RootOf(receiver)).ValuesOf(local.Local);
                    if (values.Count == 0)
                    {
                        return false;
                    }

                    foreach (var value in values)
                    {
                        if (!(ValueFlow.Unwrap(value) is IObjectCreationOperation seeded && SNAP001RandomStateCaptured.IsConstantSeeded(seeded)))
                        {
                            return false;
                        }
                    }

                    return true;

                default:
                    return false;
            }
        }

        private bool InitializerIsConstantSeeded(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax(_cancellationToken);
                var initializer = node switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };

                if (initializer != null
                    && _bodies.OperationOf(initializer) is ISymbolInitializerOperation symbolInitializer
                    && ValueFlow.Unwrap(symbolInitializer.Value) is IObjectCreationOperation creation
                    && SNAP001RandomStateCaptured.IsConstantSeeded(creation))
                {
                    return true;
                }
            }

            return false;
        }

        internal bool IsInvocationReachable(IMethodSymbol method)
        {
            _invocationReach ??= InvocationReach.Compute(this);
            return _invocationReach.Reaches(method);
        }

        internal bool IsAssignedPerInvocation(ISymbol member)
        {
            _invocationReach ??= InvocationReach.Compute(this);
            return _invocationReach.Assigns(member);
        }

        private static bool IsLinqCall(IInvocationOperation invocation, KnownTypes types)
            => KnownTypes.Is(invocation.TargetMethod.ContainingType, types.Enumerable) || KnownTypes.Is(invocation.TargetMethod.ContainingType, types.Queryable);

        internal static bool IsHookRegistration(IInvocationOperation invocation, KnownTypes types, out bool afterRestore)
        {
            afterRestore = false;
            var method = invocation.TargetMethod;
            if (types.SnapshotRestore == null || !KnownTypes.Is(method.ContainingType, types.SnapshotRestore))
            {
                return false;
            }

            if (method.Name == "RegisterAfterRestore")
            {
                afterRestore = true;
                return true;
            }

            return method.Name == "RegisterBeforeSnapshot";
        }

        /// <summary>True when a closure is an argument of a hook registration or of a LINQ operator (not kept).</summary>
        internal static bool IsNonEscapingClosure(IOperation closure, KnownTypes types)
        {
            for (var current = closure.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IDelegateCreationOperation:
                    case IConversionOperation:
                    case IArgumentOperation:
                        continue;
                    case IInvocationOperation invocation:
                        return IsHookRegistration(invocation, types, out _) || IsLinqCall(invocation, types);
                    default:
                        return false;
                }
            }

            return false;
        }
    }
}
