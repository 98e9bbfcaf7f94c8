package fr.passerelle.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * What a fired timer of {@link ClusterTest}'s test process does: one row in
 * {@code public.cluster_firings} naming the instance and the node (its job executor's lock owner), written on the engine's own
 * connection, so in the job's transaction: a firing that does not commit leaves no row, and a
 * timer fired twice leaves two.
 */
public class RecordFiring implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) throws Exception {
        Connection connection =
                Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO public.cluster_firings (business_key, node) VALUES (?, ?)")) {
            insert.setString(1, execution.getProcessBusinessKey());
            // the job executor that runs the job: its lock owner id is unique per node
            insert.setString(2, Context.getJobExecutorContext().getCurrentJob().getLockOwner());
            insert.executeUpdate();
        }
    }
}
