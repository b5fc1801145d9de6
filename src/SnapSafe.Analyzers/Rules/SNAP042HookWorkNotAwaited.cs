using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP042: a hook body that starts a <c>Task</c>/<c>ValueTask</c> (or an async void method) and neither awaits nor returns it.</summary>
    internal sealed class SNAP042HookWorkNotAwaited : IModelRule
    {
        public static readonly SNAP042HookWorkNotAwaited Instance = new SNAP042HookWorkNotAwaited();

        private SNAP042HookWorkNotAwaited()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP042HookWorkNotAwaited;

        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            if (phase.Types.SnapshotRestore == null)
            {
                return;
            }

            foreach (var hook in phase.Hooks.All)
            {
                foreach (var body in hook.Bodies)
                {
                    FindUnawaitedWork(hook, body, findings);
                }
            }
        }

        private static void FindUnawaitedWork(HookRegistration hook, IOperation body, ICollection<Finding> findings)
        {
            var isMethod = !(body.Parent is IAnonymousFunctionOperation);
            foreach (var operation in body.Descendants())
            {
                IOperation? started = null;
                switch (operation)
                {
                    case IExpressionStatementOperation { Operation: var expression } when !OperationFacts.IsInsideClosure(operation, body):
                        if (expression is ISimpleAssignmentOperation { Target: IDiscardOperation } discard)
                        {
                            expression = discard.Value;
                        }

                        expression = OperationFacts.Unwrap(expression);
                        if (expression is IInvocationOperation invocation
                            && (SymbolFacts.IsAwaitable(invocation.Type) || (invocation.TargetMethod.IsAsync && invocation.TargetMethod.ReturnsVoid)))
                        {
                            started = invocation;
                        }

                        break;
                }

                if (started == null)
                {
                    continue;
                }

                var request = new FixRequest { HookIsMethod = isMethod };
                var name = started is IInvocationOperation call ? call.TargetMethod.Name : started.Syntax.ToString();
                findings.Add(new Finding(Descriptor, started.Syntax.GetLocation(), ImmutableArray<Location>.Empty, request.ToProperties(), new object[] { hook.Kind, name }));
            }
        }
    }
}
