using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP044: writes reachable from priming (AWS SDK Put/Delete/Update/BatchWrite/TransactWrite/Send/Publish/Start/Invoke/
    /// Create calls and the DynamoDB object-persistence model's Save/Delete, <c>ExecuteNonQuery*</c> and Dapper's
    /// <c>Execute*</c>, EF Core <c>SaveChanges*</c>, HTTP requests other than GET/HEAD/OPTIONS) and warm-up requests with a
    /// writing method. Reported at the priming call (or the warm-up registration), once per priming call, with every
    /// write it reaches as a further location. A write the code guards is exempt: a field or property the hook sets to
    /// true before the priming call and that the code tests on the way to the write (<c>if (_priming) return ...;</c>).
    /// </summary>
    internal sealed class SNAP044PrimingHasSideEffects : IModelRule
    {
        private static readonly string[] WritingOperations = { "Put", "Delete", "Update", "BatchWrite", "TransactWrite", "Send", "Publish", "Start", "Invoke", "Create" };

        public static readonly SNAP044PrimingHasSideEffects Instance = new SNAP044PrimingHasSideEffects();

        private SNAP044PrimingHasSideEffects()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP044PrimingHasSideEffects;

        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            var writesBySource = new Dictionary<SyntaxNode, (PrimingSource Source, List<(IOperation Write, string Api)> Writes)>();
            var order = new List<SyntaxNode>();
            var guards = new Dictionary<HookRegistration, HashSet<ISymbol>>();
            var guardedBodies = new Dictionary<PrimedBody, bool>();

            foreach (var primed in phase.BeforeSnapshot.Bodies)
            {
                var guardFields = primed.Source.Hook is { } hook ? GuardFieldsOf(hook, primed.Source, guards) : new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var operation in primed.Body.Descendants())
                {
                    if (operation is not IInvocationOperation invocation || OperationFacts.IsInsideClosure(operation, primed.Body)
                        || WriteApi(invocation, phase) is not { } api)
                    {
                        continue;
                    }

                    if (guardFields.Count > 0 && (IsGuarded(operation, primed.Body, guardFields) || IsBodyGuarded(primed, guardFields, guardedBodies, 0)))
                    {
                        continue;
                    }

                    var location = primed.Source.Location;
                    if (!writesBySource.TryGetValue(location, out var entry))
                    {
                        entry = (primed.Source, new List<(IOperation, string)>());
                        writesBySource.Add(location, entry);
                        order.Add(location);
                    }

                    entry.Writes.Add((invocation, api));
                }
            }

            foreach (var location in order)
            {
                var (source, writes) = writesBySource[location];
                var additional = ImmutableArray.CreateBuilder<Location>();
                foreach (var (write, _) in writes)
                {
                    additional.Add(write.Syntax.GetLocation());
                }

                findings.Add(new Finding(Descriptor, location.GetLocation(), additional.ToImmutable(), ImmutableDictionary<string, string?>.Empty, new object[] { source.Description, writes[0].Api }));
            }

            // A warm-up request with a writing method writes whatever its endpoint does.
            foreach (var (request, _) in phase.Hooks.WarmUps)
            {
                if (request.Method != null && !request.IsReadOnly)
                {
                    findings.Add(new Finding(Descriptor, request.Registration.GetLocation(), ImmutableArray<Location>.Empty, ImmutableDictionary<string, string?>.Empty, new object[] { "the warm-up request " + request.Describe(), "its endpoint with " + request.Method }));
                }
            }
        }

        /// <summary>The API as users write it when the call writes; null otherwise.</summary>
        private static string? WriteApi(IInvocationOperation invocation, InitPhase phase)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            var receiver = ApiMatch.Receiver(invocation);
            var receiverType = receiver?.Type ?? method.ContainingType;

            if (IsAwsServiceClient(receiverType) && ApiMatch.StartsWithAny(name, WritingOperations))
            {
                return ApiMatch.Describe(method);
            }

            if (Implements(receiverType, "Amazon.DynamoDBv2.DataModel", "IDynamoDBContext") && ApiMatch.StartsWithAny(name, "Save", "Delete", "TransactWrite", "BatchWrite"))
            {
                return ApiMatch.Describe(method);
            }

            if (ApiMatch.StartsWithAny(name, "ExecuteNonQuery") && (DerivesFrom(receiverType, "System.Data.Common", "DbCommand") || Implements(receiverType, "System.Data", "IDbCommand")))
            {
                return ApiMatch.Describe(method);
            }

            // Dapper: connection.Execute(...)/ExecuteAsync(...) runs a command that returns no rows.
            if ((name == "Execute" || name == "ExecuteAsync") && method.IsExtensionMethod && Implements(receiverType, "System.Data", "IDbConnection"))
            {
                return ApiMatch.Describe(method);
            }

            if (ApiMatch.StartsWithAny(name, "SaveChanges") && DerivesFrom(receiverType, "Microsoft.EntityFrameworkCore", "DbContext"))
            {
                return ApiMatch.Describe(method);
            }

            if (KnownTypes.IsOrDerives(receiverType, phase.Types.HttpMessageInvoker) || KnownTypes.IsOrDerives(receiverType, phase.Types.HttpClient))
            {
                if (name is "PostAsync" or "PutAsync" or "PatchAsync" or "DeleteAsync" or "PostAsJsonAsync" or "PutAsJsonAsync" or "PatchAsJsonAsync" or "DeleteFromJsonAsync")
                {
                    return ApiMatch.Describe(method);
                }

                if ((name == "SendAsync" || name == "Send") && invocation.Arguments.Length > 0
                    && WarmUpRequest.Read(invocation.Syntax, invocation.Arguments[0].Value, phase.ValuesOf, phase.Bodies) is { Method: { } httpMethod } request
                    && !request.IsReadOnly)
                {
                    return ApiMatch.Describe(method) + " (" + httpMethod + ")";
                }
            }

            return null;
        }

        private static bool IsAwsServiceClient(ITypeSymbol? type)
            => Implements(type, "Amazon.Runtime", "IAmazonService") || DerivesFrom(type, "Amazon.Runtime", "AmazonServiceClient");

        /// <summary>
        /// The fields and properties a before-snapshot hook sets to <c>true</c> before its priming call (a dry-run switch the
        /// primed code can test); empty when the hook sets none.
        /// </summary>
        private static HashSet<ISymbol> GuardFieldsOf(HookRegistration hook, PrimingSource source, Dictionary<HookRegistration, HashSet<ISymbol>> cache)
        {
            if (!cache.TryGetValue(hook, out var fields))
            {
                fields = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var body in hook.Bodies)
                {
                    foreach (var operation in body.Descendants())
                    {
                        if (operation is ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: true } } assignment
                            && OperationFacts.SymbolOf(assignment.Target) is { } field && field is IFieldSymbol or IPropertySymbol
                            && (source.Call == null || assignment.Syntax.SpanStart < source.Call.Syntax.SpanStart))
                        {
                            fields.Add(field);
                        }
                    }
                }

                cache.Add(hook, fields);
            }

            return fields;
        }

        /// <summary>True when every way priming reaches the body passes a guard test in a caller.</summary>
        private static bool IsBodyGuarded(PrimedBody body, HashSet<ISymbol> guardFields, Dictionary<PrimedBody, bool> memo, int depth)
        {
            if (memo.TryGetValue(body, out var known))
            {
                return known;
            }

            memo[body] = false;
            var guarded = body.Callers.Count > 0 && depth < 16;
            foreach (var (callSite, caller) in body.Callers)
            {
                if (!guarded)
                {
                    break;
                }

                guarded = IsGuarded(callSite, caller.Body, guardFields) || IsBodyGuarded(caller, guardFields, memo, depth + 1);
            }

            memo[body] = guarded;
            return guarded;
        }

        /// <summary>
        /// True when <paramref name="operation"/> only runs when no guard field is set: after an <c>if (guard) return/throw</c>
        /// in an enclosing block, or inside the branch of a test that runs when the guard is not set.
        /// </summary>
        private static bool IsGuarded(IOperation operation, IOperation body, HashSet<ISymbol> guardFields)
        {
            var child = operation;
            for (var current = operation.Parent; current != null && child != body; child = current, current = current.Parent)
            {
                if (current is IConditionalOperation conditional && conditional.Condition != child && Polarity(conditional.Condition, guardFields) is { } whenSet)
                {
                    // Inside the branch taken when the guard is not set.
                    if ((whenSet && conditional.WhenFalse == child) || (!whenSet && conditional.WhenTrue == child))
                    {
                        return true;
                    }
                }

                if (current is IBlockOperation block)
                {
                    foreach (var statement in block.Operations)
                    {
                        if (statement == child || statement.Syntax.SpanStart >= child.Syntax.SpanStart)
                        {
                            break;
                        }

                        if (statement is IConditionalOperation { WhenTrue: var whenTrue } test && Polarity(test.Condition, guardFields) == true && Exits(whenTrue))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>True when the condition holds when a guard is set, false when it holds when it is not, null otherwise.</summary>
        private static bool? Polarity(IOperation condition, HashSet<ISymbol> guardFields)
        {
            condition = OperationFacts.Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Polarity(not.Operand, guardFields) is { } inner ? !inner : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return Polarity(or.LeftOperand, guardFields) == true || Polarity(or.RightOperand, guardFields) == true ? true : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    var side = Polarity(comparison.LeftOperand, guardFields) ?? Polarity(comparison.RightOperand, guardFields);
                    var constant = comparison.RightOperand.ConstantValue.HasValue ? comparison.RightOperand.ConstantValue : comparison.LeftOperand.ConstantValue;
                    if (side == null || !constant.HasValue || constant.Value is not bool value)
                    {
                        return null;
                    }

                    var equals = comparison.OperatorKind == BinaryOperatorKind.Equals;
                    return equals == value ? side : !side;
                default:
                    return OperationFacts.SymbolOf(condition) is { } symbol && guardFields.Contains(symbol) ? true : null;
            }
        }

        private static bool Exits(IOperation branch)
        {
            var last = branch is IBlockOperation { Operations: { Length: > 0 } operations } ? operations[operations.Length - 1] : branch;
            return last is IReturnOperation or IThrowOperation or IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break }
                || (last is IExpressionStatementOperation { Operation: IThrowOperation });
        }

        private static bool Implements(ITypeSymbol? type, string ns, string name)
        {
            if (type == null)
            {
                return false;
            }

            if (Is(type, ns, name))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (Is(implemented, ns, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DerivesFrom(ITypeSymbol? type, string ns, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (Is(current, ns, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(ITypeSymbol type, string ns, string name)
            => type.Name == name && string.Equals(type.ContainingNamespace?.ToDisplayString(), ns, StringComparison.Ordinal);
    }
}
